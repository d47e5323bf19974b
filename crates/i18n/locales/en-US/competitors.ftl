# Competitors: the book's brands and companies, the notes at each account
# (the five questions), deals lost to them, the report across the book.

competitor-unnamed = (competitor not named)
error-no-such-competitor = no competitor is named '{ $name }' (`leadline competitors` lists them)
error-competitor-note-exists = { $name } already has a note on { $competitor }: `leadline competitor edit` changes it
error-no-such-note-position = { $name } has no competitor note #{ $position } (it has { $count })
error-no-competitor-note = { $name } has no note on { $competitor }
error-alias-same = '{ $alias }' is already a name of { $competitor }
error-credit-days = credit days '{ $given }' is not a number of days from 0 to 3650
error-lost-to-not-declined = a deal goes to a competitor only when it is declined: add --outcome declined
error-lost-to-not-lost = only an account archived as lost went to a competitor
history-competitor-add = competitor { $competitor } at { $name } (#{ $id })
history-competitor-edit = edit competitor { $competitor } at { $name } (#{ $id })
history-competitor-remove = remove competitor { $competitor } at { $name } (#{ $id })
history-competitor-alias = { $alias } is another name of { $competitor }
history-competitor-merge = { $gone } merged into { $competitor }
also-competitor-new = new competitor in the book: { $competitor }
also-lost-to = lost to { $competitor }

# The five questions, as reps say them.
question-strength = Strength
question-offer = Offer
question-floor = Floor
question-weakness = Weakness
question-edge = Edge
question-price = Their price
question-note = Note
note-credit-days = Credit: { $days } days
note-confirmed-on = confirmed { $day }
note-never-confirmed = never
note-stale-mark = (stale)

# The command line.
cli-competitor-added = Noted { $competitor } at { $name } (#{ $id })
cli-competitor-edited = Updated { $competitor } at { $name } (#{ $id })
cli-competitor-removed = Removed the note on { $competitor } at { $name } (#{ $id })
cli-competitor-aliased = '{ $alias }' is now a name of { $competitor }
cli-competitor-merged = { $merged } is now { $competitor } ({ $accounts ->
    [one] one account's note counts
   *[other] { $accounts } accounts' notes count
} for it)
cli-no-competitors = No competitors yet: `leadline competitor add ACCOUNT NAME` notes one.
cli-competitor-strengths = Strengths: { $phrases }
cli-competitor-weaknesses = Weaknesses: { $phrases }
cli-competitor-unnamed-notes = { $count ->
    [one] One note does
   *[other] { $count } notes do
} not name their competitor yet: `leadline competitor edit ACCOUNT '#1' --competitor NAME`
cli-competitors-title = Competitors
cli-competitor-summary = Sells at { $accounts ->
    [one] one account
   *[other] { $accounts } accounts
} · our revenue there { $at_risk } · { $lost ->
    [one] one deal
   *[other] { $lost } deals
} lost to them in 12 months
cli-competitor-lost-title = Deals lost to them in the last 12 months
cli-competitor-notes = Competitors
cli-lost-to = { " " }(lost to { $competitor })
col-competitor = Competitor
col-accounts = Accounts
col-at-risk = Revenue at risk
col-lost-12m = Lost 12m
col-lowest-price = Lowest price
col-floor = Latest floor
col-strengths = Strengths
col-weaknesses = Weaknesses

# The terminal interface.
log-lost-to = Lost to
log-lost-to-hint = the competitor who won it (optional)
form-title-add-competitor = Who else sells to { $name }?
form-title-edit-competitor = { $competitor } at { $name }
form-title-name-competitor = A competitor note at { $name }: who is it?
saved-competitor = Saved what you know of { $competitor } at { $name }.
deleted-competitor = Deleted the note on { $competitor } at { $name }.
remove-competitor = the note on { $competitor }
panel-competitors = Competitors
panel-no-competitors = none noted: w notes who else sells here
focus-competition-unknown = { $count ->
    [one] One key account: you do not know who else sells there
   *[other] { $count } key accounts: you do not know who else sells there
} (w on the account notes it)
competitors-screen-none = No competitors noted yet: open an account and press w.
competitors-detail-accounts = Sells at { $count ->
    [one] one account
   *[other] { $count } accounts
}; our revenue there { $at_risk }
competitors-detail-lost = Lost to them in 12 months ({ $count })
competitors-header = { $count ->
    [one] One competitor
   *[other] { $count } competitors
} · our revenue where they sell { $at_risk } · { $lost ->
    [one] one deal
   *[other] { $lost } deals
} lost to them in 12 months
competitors-detail-lowest = Lowest price: { $price } ({ $account })
competitors-detail-floor = Latest floor: { $floor } ({ $account })
competitors-detail-offer = Latest offer: { $offer } ({ $account })
competitors-detail-stale = { $count ->
    [one] One note
   *[other] { $count } notes
} not confirmed in { $days } days
cli-focus-competition-unknown = { $count ->
    [one] One key account: you do not know who else sells there
   *[other] { $count } key accounts: you do not know who else sells there
} (`leadline competitor add ACCOUNT NAME` notes it)
note-answer = { $label }: { $answer }
focus-no-competitor-noted = { " " }· no competitor noted
