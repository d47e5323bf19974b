# Leadline's words in English. Every message here has its twin in
# zh-CN/leadline.ftl (a test checks both catalogues hold the same ids).

## The tab bar: each screen's title, and the short one for narrow terminals.
tab-today = Today
tab-pipeline = Pipeline
tab-customers = Customers
tab-account = Account
tab-referrals = Referrals
tab-review = Review
tab-focus = Focus
tab-short-today = Today
tab-short-pipeline = Pipe
tab-short-customers = Cust
tab-short-account = Acct
tab-short-referrals = Refs
tab-short-review = Rev
tab-short-focus = Focus

## Frame
loading-book = Loading the book...
terminal-too-small = Terminal too small: { $width }x{ $height }, Leadline needs { $min_width }x{ $min_height }.
help-title = Keys on { $screen } ({ $close } closes)
