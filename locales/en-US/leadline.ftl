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

## Today: the day's plan
today-planned = { $count } planned
today-done = { $done }/{ $total } done
today-later = { $count } later
today-slots = { $promised } promised, { $focus } key/MGC
today-over-capacity = over capacity: { $promised } promises, { $slots } slots
today-focus-hint = 7 shows the 80/20
today-empty = Nothing due. / finds an account, a adds one.
today-divider = -- { $count } later
today-divider-why = due now, planned for the coming days --

## Column titles
col-name = NAME
col-company = COMPANY
col-stage = STAGE
col-mark = 80/20
col-phone = PHONE
col-do = DO
col-why = WHY
col-last-touch = LAST TOUCH

## How to reach out (the kinds of touch)
kind-call = call
kind-sms = sms
kind-visit = visit
kind-email = email
kind-letter = letter
kind-gift = gift
kind-meeting = meeting
