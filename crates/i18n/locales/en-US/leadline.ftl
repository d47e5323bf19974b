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
tab-competitors = Competitors
tab-short-today = Today
tab-short-pipeline = Pipe
tab-short-customers = Cust
tab-short-account = Acct
tab-short-referrals = Refs
tab-short-review = Rev
tab-short-focus = Focus
tab-short-competitors = Rivals

## The 12-hour clock ([ui] clock = "12h")
clock-am = { $time } AM
clock-pm = { $time } PM

## Frame
loading-book = Loading the book...
terminal-too-small = Terminal too small: { $width }x{ $height }, Leadline needs { $min_width }x{ $min_height }.
help-title = Keys on { $screen } ({ $close } closes)

## Today: the day's plan
today-planned = { $count } planned
today-done = { $done }/{ $total } done
today-later = { $count } later
today-slots = { $promised } promised, { $focus } key/MGC
today-can-wait = Promises fill the day: { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects can wait ({ $key } moves them).
form-title-triage = Move { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects
saved-triage = Moved { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects to { $to }.
info-nothing-to-triage = No promise of a C or D prospect is late enough to move.
today-over-capacity = over capacity: { $promised ->
        [one] 1 promise
       *[other] { $promised } promises
    }, { $slots ->
        [one] 1 slot
       *[other] { $slots } slots
    }
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

## Why an account is on the plan
due-overdue = overdue { $days ->
    [one] 1 day
   *[other] { $days } days
}
due-today-at = due today at { $time }
due-today = due today
due-in = due in { $days ->
    [one] 1 day
   *[other] { $days } days
}
due-what-plain = { $reason } { $kind }
due-what-note = { $reason }: { $note }
due-snoozed = snoozed { $times ->
    [one] once
   *[other] { $times } times
}
due-more = { $count } more due
follow-up-reason-promised = promised
follow-up-reason-cadence = cadence
follow-up-reason-referral = referral
follow-up-reason-holiday = holiday
follow-up-reason-after-sale = after-sale
follow-up-reason-incentive = incentive
stage-grade = { $grade } grade
stage-tier-vip = VIP
stage-tier-large = LARGE
stage-tier-medium = MEDIUM
stage-tier-small = SMALL
cadence-never = { $stage }, never touched (added { $days ->
    [one] 1 day
   *[other] { $days } days
} ago)
cadence-no-touch = { $stage }, no touch for { $days ->
    [one] 1 day
   *[other] { $days } days
}
cadence-since-order = { $stage }, no touch since an order { $days ->
    [one] 1 day
   *[other] { $days } days
} ago
greeting = { $what } { $when }: { $how }
greeting-today = today
greeting-in = in { $days ->
    [one] 1 day
   *[other] { $days } days
}
greeting-holiday = a holiday
greeting-birthday = birthday
greeting-anniversary = { $years ->
    [one] 1 year
   *[other] { $years } years
} as a customer
greeting-sms = send a greeting
greeting-visit = visit with greetings
greeting-gift = send a greeting or a gift
greeting-call = call with greetings
greeting-card = send a card
greeting-email = email a greeting
reason-key-account = key account
reason-forward-key = key account: { $days ->
        [one] 1 day
       *[other] { $days } days
    } since your last { $kind }; { $share } of your revenue
reason-forward-key-never = key account: not reached yet; { $share } of your revenue
reason-forward-growable = room to grow: { $days ->
        [one] 1 day
       *[other] { $days } days
    } since your last { $kind }; { $headroom } more to win
reason-forward-growable-never = room to grow: not reached yet; { $headroom } more to win
reason-first-contact = new lead: first contact ({ $stage }, added { $days ->
        [0] today
        [one] 1 day ago
       *[other] { $days } days ago
    })
reason-big-potential = big potential
reason-sms-fatigue = { $count } unanswered SMS: call or visit instead
reason-join = {"; "}
done-touch = done: { $kind } at { $time }
done-closed = done: follow-up closed
done-order = done: order recorded
planned-holiday = the holiday is that day
planned-promise = a promise due
planned-focus = a slot kept for key and MGC accounts
planned-score = next by score
planned-waited = { $slot }; waited { $days ->
    [one] 1 day
   *[other] { $days } days
} for room
kind-touch = touch
day-tomorrow = tomorrow
day-on = { $weekday } { $date }
day-after = after { $weekday } { $date }
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
later-row = { $day }: { $reasons }
help-in-forms = In forms

## The log form
log-title = Log { $kind } with { $name }
log-title-inbound = Log { $kind } from { $name } (they contacted you)
log-kind = Kind
log-outcome = Outcome
log-next = Next step
log-note = Note
log-lesson = Lesson
log-purpose-festival = { $name } greeting
log-purpose-birthday = birthday greeting
log-purpose-anniversary = anniversary greeting
log-title-purpose = Log { $kind } with { $name }: { $purpose }
log-amount = Amount
log-amount-hint = the sale, e.g. 12000 (Esc saves the call without it)
log-next-hint = a day: 3 (days on), next wed 15:00, 12-15, end of month; empty for none
check-meeting-day = a booked meeting needs its day (and time): e.g. next wed 15:00
check-won-amount = the sale's amount, e.g. 12000 (Esc saves the call without it)
info-deliver-select = Select a "deliver to" row or a referred account (an indented row) to deliver its incentive.
info-not-earned = Not earned yet: { $referee } has not ordered.
info-already-delivered = { $referrer }'s incentive for { $referee } was already delivered.
question-deliver = Did { $referrer } get { $incentive } for referring { $referee }?
question-the-incentive = the incentive
question-delivered = Incentive delivered
question-delivered-yes = delivered
question-not-yet = not yet
question-lower-grade = { $name } declined: lower to grade { $grade } too?
question-lower-yes = lower it
question-lower-no = keep the grade
question-declined = Declined
saved-won-no-order = {" "}The sale is not recorded: o records the order.
log-when = When
log-lesson-hint = optional: what this touch taught
log-guide = Type the note. { $next } moves on: the lesson, when (now, yesterday 18:30, -2h), then the rows above, where one key picks;
log-guide-picks = from a text field, Alt+letter picks the outcome, Alt+digit the next step. { $toggle }: they contacted you.
log-guide-picks-kind = from a text field, Alt+letter picks the outcome, the kind, Alt+digit the next step. { $toggle }: they contacted you.
form-save = save
form-save-valid = save (when every field is valid)
form-next-field = next field
form-cancel = cancel

## The status line
saved-touch = Saved { $kind }{ $purpose } with { $name }{ $outcome }{ $next }.
saved-outcome = {" ("}{ $outcome }{")"}
saved-purpose = {" ("}{ $purpose }{")"}
purpose-festival = festival greeting
purpose-birthday = birthday greeting
purpose-anniversary = anniversary greeting
purpose-thanks = thanks for a referral
saved-next = {", next step "}{ $day }
undo-hint = u undoes it.
outcome-reached = reached
outcome-no-answer = no-answer
outcome-busy = busy
outcome-left-message = left-message
outcome-wrong-number = wrong-number
outcome-replied = replied
outcome-meeting-booked = meeting-booked
outcome-quote-sent = quote-sent
outcome-won = won
outcome-declined = declined

## Pipeline and Customers
count-prospects = { $count ->
    [one] 1 prospect
   *[other] { $count } prospects
}
count-customers = { $count ->
    [one] 1 customer
   *[other] { $count } customers
}
potential-total = potential { $amount }
revenue-12m = revenue over 12 months { $amount }
grade-heading = Grade { $grade }
col-abc = ABC
col-revenue-12m = REVENUE 12M
col-potential = POTENTIAL
col-next = NEXT
ago-never = never
ago-today = today
ago-yesterday = yesterday
ago-days = { $days }d ago

## The Account screen
card-title = Card
card-phone = phone
phone-doubtful = { $phone } (not read as a { $region } number: dialled as typed)
card-email = email
card-title-field = title
card-address = address
card-tags = tags
card-source = source
card-birthday = birthday
card-anniversary = anniversary
card-potential = potential
card-revenue-field = revenue
card-competitors = competitors
card-note = note
card-revenue = { $year } in 12 months, { $all } in all
card-empty = no contact data yet: e edits
side-title = Next steps
side-follow-ups = Follow-ups
side-none-open = none open
side-snoozed = {", snoozed "}{ $times }x
side-referrals = Referrals
side-none = none
side-referred-by = referred by { $name }
side-referred = referred { $name }
timeline-title = Timeline: { $touches ->
        [one] 1 touch
       *[other] { $touches } touches
    }, { $orders ->
        [one] 1 order
       *[other] { $orders } orders
    }   E corrects, D deletes the selected
timeline-due = due:
timeline-inbound = {" (in)"}
timeline-order = order { $amount }
stage-archived = archived ({ $reason })
stage-prospect = prospect, grade { $grade }
stage-customer = customer, { $tier }
stage-customer-pinned = customer, { $tier } (pinned)

## Referrals
referrals-counts = { $referrals ->
    [one] 1 referral
   *[other] { $referrals } referrals
}   { $converted } converted
referrals-to-deliver = { $count ->
    [one] 1 incentive
   *[other] { $count } incentives
} to deliver
referrals-empty = No referrals yet. Add a referred account with a (Referred by).
referrals-deliver = deliver: { $referrer } for { $referee }
referrals-made = { $made } ({ $bought } bought)
incentive-promised = promised
incentive-earned = earned
incentive-delivered = delivered
col-who-referred = WHO REFERRED WHOM
col-referred = REFERRED
col-incentive = INCENTIVE
col-status = STATUS
col-referred-on = REFERRED ON

## Short stages and 80/20 marks
stage-short-archived = archived
stage-short-vip = VIP
stage-short-large = LARGE
stage-short-medium = MEDIUM
stage-short-small = SMALL
mark-key = KEY
mark-mgc = MGC
mark-bzc = BZC

## Focus: 80/20
focus-none-yet = no key accounts yet: no customer has revenue in 12 months
focus-key = { $key } of { $customers } customers bring { $share } of the revenue over 12 months, { $revenue }
focus-forecast = forecast { $amount }
focus-no-key-accounts = No key accounts yet: they are the customers that bring most of the last 12 months' revenue.
focus-effort-ok = Key accounts get { $effort } of your effort over { $days } days (target { $target }).
focus-effort-short = Key accounts: { $revenue } of revenue, { $effort } of your effort { $window }
focus-window-month = this month
focus-window-days = in { $days } days
focus-pareto = Pareto: revenue share by customers
focus-no-revenue = No revenue in 12 months yet.
focus-cut = cut at { $share } of customers
focus-effort-title = Effort against revenue
focus-bar-revenue = revenue
focus-bar-effort = effort
focus-key-a = Key (A)
focus-prospects = Prospects
focus-mvc = MVC: { $count ->
    [one] 1 key account
   *[other] { $count } key accounts
}
focus-of-revenue = { $share } of revenue
focus-mgc = MGC: most headroom
focus-mgc-detail = potential - revenue
focus-bzc = BZC: { $count } below zero
focus-bzc-detail = revenue - cost
focus-over-served = Over-served customers
focus-over-served-detail = effort vs revenue
focus-empty = Nothing to list yet: record orders to see the 80/20 of the book.
focus-potential = potential { $amount }
focus-costs-more = costs more than it brings
focus-effort-revenue = effort { $effort }, revenue { $revenue }
col-account = ACCOUNT
col-amount = AMOUNT

## Review
review-title = Review of { $date }, { $weekday }
review-keys = { $previous } and { $next } change the day, { $reflect } writes the reflection
review-past-today = The review cannot look past today.
review-loading = Loading the review...
review-empty = No one contacted, nothing planned left.
review-contacted = Contacted
review-planned-left = Planned, still to do
review-planned-missed = Planned, not worked
col-what = WHAT
review-touches = Touches
review-outcomes = Outcomes
review-plan = Plan
review-orders = Orders
review-follow-ups = Follow-ups
review-still-due = Still due
review-missed = Missed
review-past-cadence = Past cadence
review-streak = Streak
review-lesson = Lesson
review-reflection = Reflection
review-none = none
review-no-outcome = no outcome
review-plan-left = { $worked }/{ $planned } worked, { $left } still to do
review-plan-missed = { $worked }/{ $planned } worked, { $left } missed
review-orders-worth = { $count } worth { $value }: { $list }
review-follow-up-counts = { $done } done, { $skipped } skipped, { $snoozed } snoozed
review-and-more = { $list }, and { $count } more
review-streak-days = { $days ->
    [one] 1 day
   *[other] { $days } days
} with the plan worked to zero
review-reflection-none = none yet
review-holiday = a holiday greeting
review-focus = a key account, brought forward
review-cadence-of = { $stage }, past its cadence
review-cadence = past its cadence
review-touch-outcome = { $kind } ({ $outcome })
review-lesson-of = { $lesson } ({ $name })
list-separator = {", "}
weekday-long-1 = Monday
weekday-long-2 = Tuesday
weekday-long-3 = Wednesday
weekday-long-4 = Thursday
weekday-long-5 = Friday
weekday-long-6 = Saturday
weekday-long-7 = Sunday
sentence = { $text }.

## Overlays: search, help, pickers, questions
search-title = Search: name, company, phone, email, tag or address
search-accounts = { $count ->
    [one] 1 account
   *[other] { $count } accounts
}
search-matches = { $count ->
    [one] 1 match
   *[other] { $count } matches
}
help-more-below = more below: { $down } pages down, { $bottom } goes to the end
help-the-end = the end; { $top } goes back to the top
picker-title-done = { $name } has { $count } open follow-ups: which to mark done?
picker-title-skip = { $name } has { $count } open follow-ups: which to skip?
picker-title-snooze = { $name } has { $count } open follow-ups: which to snooze?
picker-overdue = { $due } ({ $days }d overdue)
picker-today = { $due } (today)
picker-take = take
picker-next = next
picker-cancel = cancel
question-unsaved = Unsaved changes
question-discard = Discard what you typed?
question-discard-yes = discard
question-keep-editing = keep editing
question-delete = Delete
question-delete-yes = delete (u undoes it)
question-keep-it = keep it
form-careful = Careful: { $warning }.
form-fix-this = ! fix this
form-kind-picks = Kind        Alt+
form-error = { $field }: { $error }

## Form titles
form-title-archive = Archive { $name }
form-title-referral = Someone { $name } referred: the name and phone now, the rest later (e)
form-title-add = Add an account
form-title-edit = Edit { $name }
form-title-order = Record an order from { $name }
form-title-follow-up = Follow up with { $name }
form-title-snooze = Snooze follow-up #{ $id } with { $name }: { $kind }, due { $due }
form-title-reflect = Reflect on { $weekday } { $date }
prefill-today = today
prefill-tomorrow = tomorrow
prefill-now = now
prefill-dormant = dormant
check-amount-positive = an order amount must be more than zero
check-future = that is in the future
check-past = that is in the past
check-incentive-needs-referrer = say who referred the account
form-title-correct-touch = Correct the { $kind } with { $name } (touch #{ $id })
form-title-correct-order = Correct the order from { $name } (order #{ $id })
form-title-correct-follow-up = Reschedule or correct follow-up #{ $id } with { $name }
marks-mvc = key account (MVC)
marks-mgc = MGC: most room to grow
marks-bzc = BZC: costs more than it brings
marks-class = class { $class }
marks-suggests = revenue suggests { $tier }

## What a change says on the status line
status-also = {" "}Also { $words }.
status-careful = {" "}Careful: { $warning }.
status-backup-failed = {" "}The daily backup was not written: { $error }.
saved-order = Saved order { $amount } from { $name }{ $customer }{ $earned }.
saved-order-customer = ; now a customer
saved-order-earned = ; { $referrer }'s incentive earned, deliver by { $due }
saved-added = Added { $name }.
saved-account = Saved { $name }.
saved-follow-up = Follow-up on { $due } saved.
saved-skipped = Skipped the follow-up with { $name } (closed, not done).
saved-archived = Archived { $name } ({ $reason }): out of the daily work; { $restore } restores it.
saved-restored = Restored { $name }.
saved-done = Done: follow-up with { $name }.
saved-snoozed = Snoozed the follow-up with { $name } to { $due }.
saved-grade = { $name } is now { $stage }.
saved-delivered = Delivered the incentive.
saved-delivered-what = Delivered the incentive ({ $incentive }).
saved-reflection = Saved the reflection on { $date }.
removed-reflection = Removed the reflection on { $date }.
saved-corrected-touch = Corrected the { $kind } with { $name }.
saved-corrected-order = Corrected the order from { $name }: { $amount }.
saved-corrected-follow-up = Follow-up with { $name } now due { $due }.
deleted-touch = Deleted the { $kind } with { $name }.
deleted-order = Deleted the order { $amount } from { $name }.
deleted-follow-up = Deleted the follow-up with { $name }.
undid = Undid: { $what }.
archive-reason-lost = lost
archive-reason-dormant = dormant
also-closed = closed { $count ->
    [one] follow-up
   *[other] follow-ups
} { $list }
also-closed-outcome = #{ $id } ({ $outcome })
also-closed-due = #{ $id } ({ $kind }, due { $due })
also-tried = follow-up #{ $id } stays open: nobody answered (tried { $times ->
        [one] once
       *[other] { $times } times
    }); due again { $due }
also-known-as = { $value } is also { $name } (#{ $id }): leadline merge { $id } { $new } makes them one
also-moved = moved follow-up #{ $id } to { $due }: the same promise, made earlier today
also-referral = scheduled follow-ups #{ $call } (call { $referee } by { $call_due }) and #{ $thank } (thank { $referrer } by { $thank_due })
note-referred-by = referred by { $name }
note-thank = thank for referring { $name }
note-deliver = { $name } ordered: deliver { $incentive } and report back
note-report-back = { $name } ordered: report back
note-after = after { $kind }
note-after-outcome = after { $kind } ({ $outcome })
sms-restraint = { $count } SMS to { $name } in { $days } days got no answer: call or visit instead
info-discarded = Discarded.
info-no-account = No account open yet: Enter on a row, or / to search.
info-no-follow-up = { $name } has no open follow-up; log a touch (l) to reset the cadence.
info-nothing-to-snooze = { $name } has no follow-up to snooze; schedule one (f) for a later day.
info-select-first = Select an account first.
info-customer-grade = { $name } is a customer; grades are for prospects.
info-empty-timeline = { $name } has nothing in the timeline yet.
remove-touch = the { $kind } at { $at }
remove-order = the order { $amount } of { $day }
remove-follow-up = the follow-up due { $due } ({ $kind })
remove-question = Delete { $what } with { $name }?
side-incentive = , { $incentive } ({ $status })
stage-phrase-grade = grade { $grade }
stage-phrase-tier = tier { $tier }

## The history of changes (what undo names)
history-contacts-sync = contacts sync with { $dir }: { $filled ->
    [one] 1 account
   *[other] { $filled } accounts
} filled in from the phone, { $added } added
history-calendar-sync = calendar sync with { $dir }: { $changes ->
    [one] 1 follow-up
   *[other] { $changes } follow-ups
} changed on the phone
history-log = log { $kind } with { $name } (#{ $id })
history-order = order { $amount } from { $name } (#{ $id })
history-follow-up = follow-up #{ $id } with { $name } on { $due }
history-done = done follow-up #{ $id } ({ $name })
history-skip = skip follow-up #{ $id } ({ $name })
history-snooze = snooze follow-up #{ $id } ({ $name }) to { $due }
history-add = add { $name } (#{ $id })
history-edit = edit { $name } (#{ $id })
history-archive = archive { $name } (#{ $id }) as { $reason }
history-restore = restore { $name } (#{ $id })
history-reflect = reflect on { $date }
history-unreflect = remove the reflection on { $date }
history-refer = refer: referral #{ $id }, { $referrer } referred { $referee }
history-deliver = deliver the incentive of referral #{ $id }
history-amend-touch = amend touch #{ $id } ({ $name })
history-amend-order = amend order #{ $id } ({ $name })
history-amend-follow-up = amend follow-up #{ $id } ({ $name }), due { $due }
history-remove-touch = remove touch #{ $id } ({ $name }): { $kind } on { $day }
history-remove-order = remove order #{ $id } ({ $name }): { $amount } on { $day }
history-remove-follow-up = remove follow-up #{ $id } ({ $name }), due { $due }

## The command line: today and plan
cli-today-title = Today { $day }: { $counts }, { $later } later
cli-day-title = { $day }: { $counts }
cli-day-planned = { $count } planned
cli-day-done = , { $done }/{ $total } done
cli-day-over = {" "}(over capacity: { $promises ->
        [one] 1 promise
       *[other] { $promises } promises
    } for { $slots ->
        [one] 1 slot
       *[other] { $slots } slots
    })
cli-day-slots = {" "}({ $promises } promised, { $focus } in key and MGC slots)
cli-nothing-planned = Nothing planned. Well done.
plan-short = Key accounts { $share } of today's effort (target { $target }): { $why }
plan-short-promises = promises fill the day
plan-short-worked = none left to bring forward
cli-projection = Over capacity today: the days after are a projection that assumes today's plan is worked.
cli-triaged = Moved { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects to { $to }; `leadline undo` takes them back
cli-triage-none = No promise of a C or D prospect is that late: nothing to move.
cli-triage-title = { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects can wait:
cli-triage-hint = `leadline triage --snooze-to WHEN` moves them all in one change (undo takes it back).
col-due = DUE
col-overdue = OVERDUE
cli-can-wait = Promises alone fill the day: { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects can wait (`leadline triage` lists them, `--snooze-to WHEN` moves them).
cli-late = Past their last useful day: { $list }.
cli-late-one = { $name } (by { $by })
cli-later = Later ({ $count }):
cli-later-hint = { $count } more due are planned for the coming days: `leadline plan` says when, `today --all` lists them.
cli-all-have-a-day = Everything due in these days has a day.
cli-beyond = { $count } more due in these days wait for room after { $day } (`plan --days` looks further).
cli-done-mark = done
col-follow-up = FOLLOW-UP
col-planned = PLANNED
cli-logged = Logged { $kind } with { $name } (#{ $id }) at { $at }
cli-logged-outcome = {" "}({ $outcome })
cli-logged-purpose = {", "}{ $purpose }
cli-logged-next = ; next step: { $kind } on { $due }{ $at } (follow-up #{ $id })
cli-logged-order = ; recorded the order { $amount }
cli-recorded-order = Recorded order { $amount } from { $name } (#{ $id })
cli-order-customer = ; now a customer
cli-order-restored = ; restored from the archive
cli-order-earned = ; { $referrer }'s referral incentive is earned: deliver it by { $due } (follow-up #{ $follow_up }, referral #{ $referral })
cli-follow-up = Follow-up #{ $id } with { $name } (#{ $account }): { $kind } on { $due }{ $at }.
cli-follow-up-at = {" "}at { $time }
cli-archived = Archived { $name } (#{ $id }) as { $reason }; `leadline restore { $id }` brings it back.
cli-restored = Restored { $name } (#{ $id }) as { $stage }.
cli-grade = { $name } (#{ $id }) is now grade { $grade }.
cli-done = Done: follow-up #{ $id } with { $name } (was due { $due }).
cli-skipped = Skipped: follow-up #{ $id } with { $name } (was due { $due }).
cli-snoozed = Snoozed follow-up #{ $id } with { $name } to { $due } (snoozed { $times ->
    [one] once
   *[other] { $times } times
}).
cli-undid = Undid: { $what }
cli-saved-account = Saved { $name } (#{ $id }).
cli-referred-by = Referred by { $name } (#{ $id }).
cli-also = Also { $words }.
cli-error = error: { $error }
cli-warning = warning: { $warning }

## The command line: accounts
col-id = ID
cli-accounts = { $count ->
    [one] 1 account
   *[other] { $count } accounts
}
cli-no-match = No account matches.
cli-archived-mark = { $name } (archived)
card-company = company
card-tier = tier
card-archived = archived
card-80-20 = 80/20
cli-tier-suggests = revenue over 12 months suggests { $tier }{ $pinned }
cli-tier-pinned = ; the tier is pinned and stays
cli-tier-apply = ; `leadline tiers --apply` moves it
cli-archived-since = { $reason } since { $day }
cli-follow-ups = Follow-ups
cli-snoozed-times = , snoozed { $times }x
cli-referrals = Referrals
cli-incentive = , incentive { $incentive } ({ $status })
cli-referred-by-line = referred by { $name } (#{ $id }){ $incentive }
cli-referred-line = referred { $name } (#{ $id }){ $incentive }
cli-timeline = Timeline ({ $touches } touches, { $orders } orders; `leadline amend` or `remove` corrects one by its number)
cli-nothing-yet = nothing yet
cli-touch-id = (touch #{ $id })
cli-order-id = (order #{ $id })
cli-order-line = order { $amount }
cli-inbound = {" "}(in)
follow-up-status-open = open
follow-up-status-done = done
follow-up-status-skipped = skipped
follow-up-status-snoozed = snoozed
stage-kind-prospect = prospect { $grade }
stage-kind-customer = customer { $tier }
cli-reflections = Reflections:

## The command line: focus
cli-focus-more = {"  "}... and { $count } more (focus --json lists them all)
cli-focus-title = 80/20 focus on { $date } (revenue over the last 12 months)
cli-focus-revenue = Revenue
cli-focus-revenue-line = { $revenue } from { $customers } customers
cli-focus-key = Key accounts
cli-focus-key-none = none yet: no customer has revenue in the last 12 months
cli-focus-key-line = { $key } of { $customers } customers bring { $share } of revenue (cut at { $cut }: { $threshold })
cli-focus-abc-line = A { $a } ({ $a_share }), B { $b } ({ $b_share }), C { $c } ({ $c_share }) of revenue
cli-focus-effort = Effort, { $days } days
cli-focus-effort-line = key accounts { $key }, B { $b }, C { $c }, prospects { $prospects } (target for key accounts { $target })
cli-focus-warning = Warning: { $warning }.
cli-focus-mvc = Key accounts (MVC)
cli-focus-over-served = Over-served: customers taking more of your effort than of your revenue
cli-focus-mgc = Most growable (MGC): potential above revenue by more than { $headroom }
cli-focus-bzc = Below zero (BZC): cost to serve over 12 months above revenue
cli-focus-forecast = Forecast: potential weighted by the chance of each grade
cli-focus-total = total
col-share = SHARE
col-cumulative = CUMULATIVE
col-effort = EFFORT
col-revenue = REVENUE
col-headroom = HEADROOM
col-cost = COST
col-net = NET
col-grade = GRADE
col-prospects = PROSPECTS
col-chance = CHANCE
col-weighted = WEIGHTED
cli-tiers-match = Every customer's tier matches its revenue over 12 months.
col-tier = TIER
col-suggested = SUGGESTED
cli-tiers-pinned-kept = pinned, kept
cli-tiers-kept = ; { $count ->
    [one] 1 pinned tier is kept
   *[other] { $count } pinned tiers are kept
}
cli-tiers-nothing-moved = Nothing moved: every customer listed has a pinned tier, and pins are kept (`leadline edit ACCOUNT --tier TIER` sets one by hand).
cli-tiers-moved = Moved { $count ->
    [one] 1 customer
   *[other] { $count } customers
} to the tier their revenue suggests{ $kept }. `leadline undo` reverts it.
cli-tiers-differ = { $count } customers differ from the tier their revenue suggests{ $kept }. `leadline tiers --apply` moves the unpinned ones.
cli-config-from = # Settings from { $path }
cli-config-none-yet = # No { $path } yet: these are the defaults; save this there to change them
cli-config-no-dir = # No config directory: these are the defaults
cli-config-region-locale = # [contacts] default_region = "{ $region }" comes from the locale ({ $variable }): phone numbers without a country code are read as { $region } numbers; write another here to change it.
cli-config-region-default = # [contacts] default_region is not set and the locale names no country: phone numbers without a country code are read as { $region } numbers; set your country here (e.g. default_region = "US").
cli-config-keys = # The terminal interface's keys, by command. Rebind any in a [keys] table,
    # e.g. log_call = "C" or down = ["j", "n"] (Ctrl-x, Alt-x, Enter, Esc, Tab, PgDn, F2).
cli-demo-created = Created the demo store in { $dir } ({ $counts }).
cli-demo-filled = Filled { $dir } with a demo pipeline: { $counts }.
cli-newest-backup = The newest backup is { $path } (of { $day }): restore it into a new store with `leadline --store DIR import { $path }`
cli-no-backup = There is no backup in { $dir }
cli-no-backup-salvage = There is no backup in { $dir }: `leadline export --salvage -o FILE` saves what the store holds, and { $keep }
cli-or-keep = { $advice }, or { $keep }
cli-error-advice = { $error }. { $advice }
review-missed-follow-up = { $name } (#{ $id })
cli-keep-as-is = `leadline doctor --repair` keeps the store as it is
cli-bad-lang = --lang '{ $given }': Leadline speaks en and zh-CN
counts = { $accounts ->
        [one] 1 account
       *[other] { $accounts } accounts
    }, { $touches ->
        [one] 1 touch
       *[other] { $touches } touches
    }, { $orders ->
        [one] 1 order
       *[other] { $orders } orders
    }, { $follow_ups ->
        [one] 1 follow-up
       *[other] { $follow_ups } follow-ups
    }, { $referrals ->
        [one] 1 referral
       *[other] { $referrals } referrals
    }
cli-referral = Referral #{ $id }: { $by } referred { $to }. Contact { $to } by { $contact }; thank { $by } by { $thank }.
cli-delivered = Delivered the incentive of referral #{ $id }{ $what }.
cli-no-referrals = No referrals yet. `leadline refer REFERRER REFEREE` records one.
col-date = DATE
col-referrer = REFERRER
col-referee = REFEREE
col-converted = CONVERTED
referee-stage-prospect = prospect
referee-stage-customer = customer
referee-stage-archived = archived
cli-amended-touch = Amended touch #{ $id } with { $name }: { $kind }{ $outcome } at { $at }
cli-amended-order = Amended order #{ $id } from { $name }: { $amount } on { $day }
cli-amended-follow-up = Amended follow-up #{ $id } with { $name }: { $kind } due { $due } (rescheduling is not a snooze)
cli-amended = { $line }. `leadline undo` reverts it.
cli-removed-touch = Removed touch #{ $id } with { $name }: { $kind } at { $at }
cli-removed-order = Removed order #{ $id } from { $name }: { $amount } on { $day }
cli-removed-follow-up = Removed follow-up #{ $id } with { $name }: { $kind } due { $due }
cli-removed = { $line }. `leadline undo` brings it back.
cli-wrote = Wrote { $path } ({ $counts }).
cli-wrote-calendar = Wrote { $path } ({ $open } open follow-ups, { $closed } closed lately and sent as cancelled).
cli-backups-in = Backups in { $dir }: { $policy }.
cli-none-yet = None yet.
cli-restore-one = Restore one into a new store: leadline --store DIR import FILE
cli-rebuilt = Rebuilt derived records ({ $written } keys written) and compacted the store.
cli-problem = problem: { $problem }
cli-restore-backup = { $dry ->
    [yes] Would restore
   *[no] Restored
} { $counts } from { $label }.
cli-import-rows = { $cards ->
    [yes] { $count ->
        [one] 1 card
       *[other] { $count } cards
    }
   *[no] { $count ->
        [one] 1 row
       *[other] { $count } rows
    }
}
cli-import-blocked = error: { $rejected } of { $label } invalid; nothing imported (fix them, or use --skip-invalid to import the valid { $valid })
cli-import-line = line { $line }: { $message }
cli-import-rejected = rejected: { $message }
cli-imported = { $dry ->
    [yes] Would import
   *[no] Imported
} { $count ->
    [one] 1 account
   *[other] { $count } accounts
} from { $label } ({ $encoding }); { $duplicates ->
    [one] 1 duplicate
   *[other] { $duplicates } duplicates
} skipped{ $filled ->
    [0] {""}
   *[other] { $dry ->
        [yes] {" "}({ $filled } of them would fill in what their account lacks)
       *[no] {" "}({ $filled } of them filled in what their account lacked)
    }
}, { $rejected } rejected.
cli-checked = Checked { $records } records ({ $accounts } accounts): { $problems ->
    [0] all good
    [one] 1 problem
   *[other] { $problems } problems
}.
kind-reason = { $kind } ({ $reason })
note-after-colon = : { $note }

## Errors the app words itself
error-greeting = '{ $given }' is not an occasion to greet: use { $known }
error-undo-too-old = the next change to undo ('{ $what }', { $at }) is older than the undo history keeps
error-in-future = { $what } { $at } is in the future
error-in-past = { $what } { $day } is in the past
what-touch-time = the touch time
what-order-date = the order date
what-next-step = the next step
what-follow-up-date = the follow-up date
what-snooze-date = the snooze date
error-outcome-fit = outcome { $outcome } does not fit a { $kind }; it is for: { $kinds }
error-next-auto = --next auto needs an outcome to suggest the next step from
error-won-needs-amount = a won sale needs its amount, or revenue and tiers miss it: leadline log { $kind } { $account } --outcome won --amount 12000
error-amount-not-won = --amount is the sale of a won touch: give it with --outcome won (or record an order: leadline order)
also-wrong-number = { $phone } is marked a wrong number: the plan does not offer it until it is changed
also-lowered = lowered to grade { $grade }
cli-wrong-number-hint = Correct it: leadline edit { $id } --phone NUMBER
cli-declined-hint = To lower the grade: leadline edit { $id } --grade { $grade } (or log it with --lower)
error-triage-today = promises that can wait move to a later day than today
error-triage-nothing = no promise of a C or D prospect is that late: nothing to move
history-triage = moved { $count ->
        [one] 1 late promise
       *[other] { $count } late promises
    } of C and D prospects to { $to }
error-next-meeting = a booked meeting needs its day: --next 'next wednesday 15:00' (or a date, { $date })
error-amount-zero = an order amount must be more than zero
error-follow-up-closed = follow-up { $id } ({ $name }) is already { $status }
error-snooze-earlier = a snooze only moves a follow-up later, and #{ $id } with { $name } is due { $due }; to bring it forward, reschedule it (not counted as a snooze): leadline amend follow-up { $id } --on { $to }
error-prospect-tier = { $name } is a prospect; a tier comes with the first order
error-customer-grade = { $name } is a customer (tier { $tier }); grades apply to prospects
error-already-grade = { $name } is already grade { $grade }
error-already-archived = { $name } is already archived ({ $reason }) since { $day }
error-not-archived = { $name } is not archived
error-refer-self = an account cannot refer itself
error-already-referred = { $name } was already referred; one referrer per account
error-not-earned = the incentive of referral { $id } is not earned yet: { $name } has not ordered
error-already-delivered = the incentive of referral { $id } was already delivered
error-referral-follow-up = follow-up { $id } belongs to a referral; skip it instead (leadline skip { $id })
error-account-empty = the account is empty: give an id, a name or a search
error-phone-digits = '{ $text }': give at least { $digits } digits of the phone number
error-no-touch = no touch { $id }
error-no-order = no order { $id }
error-reflect-future = { $date } has not happened yet: reflect on today or a past day
error-review-future = { $date } has not happened yet; review today or a past day
error-plan-days = --days { $days }: plan from 1 to { $max } days

## Calendar export
ics-title = { $kind } { $name }
ics-title-company = { $kind } { $name } ({ $company })
ics-description = { $reason } follow-up
ics-snoozed = snoozed { $times ->
    [one] once
   *[other] { $times } times
}
ics-calendar = Leadline follow-ups
cli-reflection-saved = The reflection on { $date } is saved.
cli-reflection-removed = The reflection on { $date } is removed.
cli-wrote-csv = Wrote { $path } ({ $count ->
    [one] 1 account
   *[other] { $count } accounts
}).
md-row = - { $done }**{ $name }** (#{ $id }){ $phone }: { $how }, { $why }
ics-phone = Phone: { $phone }
cli-vdir-needs-dir = --format vdir writes a directory: give it with -o DIR
cli-wrote-vdir = { $dir }: { $count } follow-ups ({ $added } new, { $changed } changed, { $removed } removed).
cli-import-columns = Columns (`--map 'Column=field'` changes one):
cli-import-left-out = left out
cli-dupes-none = No likely duplicates among { $count ->
    [one] 1 account
   *[other] { $count } accounts
}.
cli-dupes-head = { $groups ->
    [one] 1 group of likely duplicates:
   *[other] { $groups } groups of likely duplicates:
}
cli-dupes-hint = Make two one with `leadline merge KEEP OTHER` (`--dry-run` shows the result first; `leadline undo` takes a merge back).
dupes-phone = same phone { $value }
dupes-email = same email { $value }
dupes-name-and-company = same name: { $value }
dupes-sounds-alike = names that sound alike ({ $value })
cli-merged = Merged { $gone } (#{ $gone_id }) into { $keep } (#{ $keep_id }): { $moved } moved. `leadline undo` takes it back.
cli-merge-would = Would merge { $gone } (#{ $gone_id }) into { $keep } (#{ $keep_id }), moving { $moved }, and make:
merge-touches = { $count ->
    [one] 1 touch
   *[other] { $count } touches
}
merge-orders = { $count ->
    [one] 1 order
   *[other] { $count } orders
}
merge-follow-ups = { $count ->
    [one] 1 follow-up
   *[other] { $count } follow-ups
}
merge-referrals = { $count ->
    [one] 1 referral
   *[other] { $count } referrals
}
merge-nothing = no history
merge-and = { $list } and { $last }
history-merge = merge { $gone } (#{ $gone_id }) into { $keep } (#{ $keep_id })
error-merge-same = an account cannot be merged with itself
error-merge-notes = the two notes together are longer than { $max } characters: shorten one first
error-merge-referred = { $referrer } referred { $referee }: they are two people, not one
dupes-line = { $what }: { $ids }
import-follow-up-note = next activity from { $file }
cli-no-bom-needs-csv = --no-bom is about CSV: use it with --format csv
cli-layout-needs-csv = --layout google is a CSV layout: use it with --format csv
import-row-of-line = { $name } (line { $line })
import-skipped-phone = skipped { $name }: same phone as { $other }
import-skipped-email = skipped { $name }: same email as { $other }
import-filled-in = ; filled in { $fields }
import-kept-in-note = { $name }: kept in the note, not a valid number or address: { $what }

## recover
cli-recovered = Recovered into { $dir }: { $counts }.
    { $base }, then { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    } from the journal ({ $operations } operations).
    Open it with `leadline --store { $dir }`, or move it in place of the damaged store.
cli-recover-base = From the backup { $path } (changes up to #{ $covers })
cli-recover-no-base = From no backup (none reads)
cli-recover-no-backup-yet = From no backup (there is none yet: the journal holds the book from its start)
cli-recover-backup-unreadable = the backup { $path } cannot be read ({ $reason }); an older one is used
cli-recover-torn-tail = note: the journal's last line ({ $path }, line { $line }) was cut off when a process ended; its change was never reported saved, and is left out
cli-recover-line-unreadable = { $path }, line { $line } cannot be read ({ $reason }): that change is missing
cli-recover-refused = { $what }: left out
cli-recover-gap = changes #{ $first } to #{ $last } are in no readable backup and not in the journal: they are missing
cli-damaged = { $count ->
        [one] 1 record cannot be read
       *[other] { $count } records cannot be read
    }: `leadline recover --to NEW_DIR` builds a whole store from the newest backup and the journal
status-damaged = { $count ->
        [one] 1 record cannot be read
       *[other] { $count } records cannot be read
    }: quit and run `leadline recover --to NEW_DIR`
cli-recover-advice = `leadline recover --to NEW_DIR` builds a new store from the newest backup and the journal of every change since
cli-doctor-advice = `leadline doctor --repair` rebuilds what is worked out from the records (indexes, totals); records that cannot be read come back with `leadline recover --to NEW_DIR` (the newest backup and the journal after it)
cli-doubtful-phones = { $count ->
    [one] 1 number is not read as a { $region } number, so it is
   *[other] { $count } numbers are not read as { $region } numbers, so they are
} dialled and compared as typed: write one from abroad with its country code (+1 650 555 1212), a landline with its area code:
cli-dupes-doubtful = { $count ->
    [one] 1 number is not read as a { $region } number, so it is compared by its digits as typed: the same number written with its country code is not found by it.
   *[other] { $count } numbers are not read as { $region } numbers, so they are compared by their digits as typed: the same number written with its country code is not found by them.
}
cli-unreadable-skipped = { $count ->
    [one] 1 unreadable record was
   *[other] { $count } unreadable records were
} skipped; run `leadline doctor`
cli-export-unreadable = { $count ->
    [one] 1 record
   *[other] { $count } records
} of the store cannot be read or restored (the first: { $first }), so nothing was written; `leadline export --salvage -o FILE` writes all the others
cli-not-in-backup = not in the backup: { $problem }
cli-calendar-moved = moved on the phone: #{ $id } { $name }, { $from } → { $to }{ $snoozed ->
    [yes] {" "}(a snooze)
   *[other] {""}
}
cli-calendar-done = done on the phone (its event deleted or cancelled there): #{ $id } { $name }, due { $due }
cli-calendar-added = made on the phone: #{ $id } { $name } on { $due } (“{ $title }”)
cli-calendar-conflict = changed here and on the phone since the last sync: #{ $id } { $name }: Leadline's follow-up is kept and written back
cli-calendar-unmatched = not a follow-up: { $file } “{ $title }” { $count ->
    [0] names no account's name or phone
   *[other] could be { $candidates }: put one account's name or phone in its title
}
cli-calendar-synced = { $dry ->
    [yes] Would sync
   *[other] Synced
} the follow-ups with { $dir }{ $first ->
    [yes] {" "}(the first time: Leadline's events are written, events made elsewhere are read)
   *[other] {""}
}: { $changes ->
    [0] nothing changed on the phone
    [one] 1 change from the phone
   *[other] { $changes } changes from the phone
}{ $changes ->
    [0] {""}
   *[other] {" "}(one change of the book: `leadline undo` takes it back)
}{ $conflicts ->
    [0] {""}
    [one] , 1 conflict
   *[other] , { $conflicts } conflicts
}; { $written ->
    [one] 1 file written
   *[other] { $written } files written
}, { $removed } removed.
cli-contacts-filled = from the phone: #{ $id } { $name }: { $what }
cli-contacts-in-note = { $email } (in the note: the account has an email)
cli-contacts-linked = the card { $file } made on the phone holds #{ $id } { $name }'s number or email: it is now that account's card, written as Leadline has it
cli-contacts-conflict = changed here and on the phone since the last sync: #{ $id } { $name } ({ $field }): Leadline's kept and written back
cli-contacts-deleted = deleted on the phone: #{ $id } { $name }: written back (archive the account to take its card off the phone)
cli-contacts-new-card = new on the phone: { $file } { $name } { $phones }: { $state ->
    [added] added as { $other }
    [same] the same number or email as { $other }, whose card is there already: left alone
   *[other] not an account yet (`--add-new` adds the new cards)
}
cli-contacts-synced = { $dry ->
    [yes] Would sync
   *[other] Synced
} the accounts with { $dir }{ $first ->
    [yes] {" "}(the first time)
   *[other] {""}
}: { $filled ->
    [one] 1 account
   *[other] { $filled } accounts
} filled in from the phone, { $linked } linked to a card made there, { $added } added, { $waiting } new { $waiting ->
    [one] card waits
   *[other] cards wait
}{ $conflicts ->
    [0] {""}
    [one] , 1 conflict
   *[other] , { $conflicts } conflicts
}; { $written ->
    [one] 1 card written
   *[other] { $written } cards written
}, { $removed } removed.
cli-man-written = Wrote { $count } manual pages into { $dir }: `man leadline` reads them when the folder is on the MANPATH (~/.local/share/man is)
error-sync-no-url = no team database: set [sync] url in the settings (a PostgreSQL connection string, such as postgres://admin@db.example.com/leadline), or give --url
error-sync-bad-url = '{ $url }' is not a PostgreSQL connection string: { $reason }
error-sync-bad-role = '{ $role }' is not a role name: use letters, digits and underscores, starting with a letter
error-sync-newer-schema = its Leadline schema is version { $found }, newer than this Leadline's { $known }: update Leadline
error-sync-tls = cannot set up TLS: { $reason }
error-sync-server = the team's database: { $reason }
error-sync-older-schema = its Leadline schema is version { $found }, older than this Leadline's { $known }: whoever runs the database brings it up to date with `leadline sync init`
error-sync-no-schema = the database has no Leadline schema yet: whoever runs it sets it up with `leadline sync init`
error-sync-malformed = the server sent a change that cannot be read ({ $reason })
error-sync-store = the store: { $reason }
history-sync = sync: from { $devices }
sync-referrer-note = Also named as referrer on another device: { $name }
sync-count-touches = { $count ->
    [one] 1 touch
   *[other] { $count } touches
}
sync-count-orders = { $count ->
    [one] 1 order
   *[other] { $count } orders
}
sync-count-follow-ups = { $count ->
    [one] 1 follow-up
   *[other] { $count } follow-ups
}
sync-count-referrals = { $count ->
    [one] 1 referral
   *[other] { $count } referrals
}
sync-count-accounts = { $count ->
    [one] 1 account changed
   *[other] { $count } accounts changed
}
sync-count-other = { $count ->
    [one] 1 other change
   *[other] { $count } other changes
}
sync-list-separator = {", "}
cli-sync-sent = Sent { $count ->
    [0] nothing
    [one] 1 change
   *[other] { $count } changes
} to { $book } as { $device }.
cli-sync-from = From { $device }: { $what }.
cli-sync-nothing-came = Nothing new came in.
cli-sync-settled = { $account } was given two referrers on two devices: { $kept } is kept, { $dropped } is in its note.
cli-sync-refused = Not applied: { $what }
history-handover = handover: { $name } to { $rep }
history-handover-in = handover: { $name } from { $from }
cli-handover = Handed { $name } over to { $rep } (their book { $book }), with { $touches ->
    [one] 1 touch
   *[other] { $touches } touches
}, { $orders ->
    [one] 1 order
   *[other] { $orders } orders
} and { $follow_ups ->
    [one] 1 follow-up
   *[other] { $follow_ups } follow-ups
}; their next sync brings it in.
cli-team-none = No books on the team's server yet.
cli-team-rep = { $owner } (book { $book })
cli-team-plan = Plan done over the last 7 days: { $planned ->
    [0] no plan kept
   *[other] { $done } of { $planned } rows ({ $percent }%)
}; streak: { $streak ->
    [one] 1 day
   *[other] { $streak } days
}
cli-team-key-overdue = Key accounts past their cadence: { $names }
cli-team-key-overdue-none = Key accounts past their cadence: none
cli-team-pipeline = Prospects: { $grades }; customers: { $tiers }
cli-team-revenue = Revenue over 12 months: { $now } (the 12 months before: { $before })
cli-team-incentives = Referral incentives owed: { $count }
team-md-title = # The team, { $date }
team-md-header = | Rep | Book | Plan done, 7 days | Streak | Key accounts past cadence | Prospects | Customers | Revenue, 12 months | 12 months before | Incentives owed |
error-sync-offline = the team's database cannot be reached ({ $reason }): everything works offline; sync again when the network is back
cli-sync-status = Sync with { $url }: { $pending ->
    [0] nothing to send
    [one] 1 change to send
   *[other] { $pending } changes to send
}; { $last }
cli-sync-status-never = not synced yet
cli-sync-status-at = last synced { $at }
cli-sync-status-failed = the last sync, { $at }, failed: { $error }
cli-sync-status-off = Sync is not set up: set [sync] url in the settings (docs/SYNC.md).
status-sync-synced = synced
status-sync-pending = { $count ->
    [one] 1 to send
   *[other] { $count } to send
}
status-sync-running = syncing…
status-sync-offline = offline
status-sync-failed = sync failed: `leadline sync` says why
cli-sync-init = The team's database is at schema version { $now }{ $was ->
    [0] {" "}(created)
   *[other] {" "}(it was at { $was })
}{ $reps ->
    [none] {""}
   *[other] ; reps: { $reps }
}{ $managers ->
    [none] {""}
   *[other] ; managers: { $managers }
}.
cli-after-saving = the change is saved; tidying the store after it failed ({ $error }): it is tidied by the next big change or `leadline doctor --repair`
error-referral-self = referral #{ $id } has an account refer itself
error-referral-second = { $name } would have more than one referrer (referrals { $referrals }); one referrer per account
error-referral-cycle = { $names } would refer each other round; a referral cannot lead back to its referrer
error-merge-referrals = the accounts cannot be one: { $problem } (`leadline referrals` lists them)
error-merge-two-referrers = both accounts were referred ({ $keep_referrer }, referral #{ $keep_referral }; { $gone_referrer }, referral #{ $gone_referral }), and an account has one referrer: say which stays with `--keep-referral ID`
note-referral-dropped = Also referred by { $referrer } (referral #{ $id }{ $incentive }), removed in a merge
note-referral-incentive = , incentive: { $incentive }
cli-vdir-not-a-dir = { $path } is a file: a vdir is a directory of .ics files, one per follow-up; give a directory (new, or one a calendar tool syncs)
error-nothing-to-amend = nothing to change in { $what } #{ $id }: say what changes (`leadline amend { $what } --help` lists what can)
cli-salvage-json-only = --salvage writes a backup of what can be read: it goes with --format json
import-utf32 = { $file } is in UTF-32, which Leadline does not read: save it as UTF-8 (or UTF-16) and import it again; nothing was imported
import-doubtful-encoding = { $file }: cannot tell its encoding, it reads as { $guess } and as { $also }; say which with --encoding (for example --encoding { $guess }); nothing was imported
import-no-cards = { $file } holds no vCard (no BEGIN:VCARD line); nothing was imported

# A tier inside a sentence, as the commands take it: "set to tier vip".
tier-keyword-vip = vip
tier-keyword-large = large
tier-keyword-medium = medium
tier-keyword-small = small
# The stage in the focus report's tables.
focus-stage-prospect = prospect { $grade }
focus-stage-customer = customer { $tier }
focus-stage-archived = archived

# The history: an undo, an undone change, an import, the tiers applied.
history-undo = undo: { $summary }
history-undone = (undone)
history-import-backup = import { $label }: { $counts }
history-import-contacts = import { $count ->
        [one] 1 account
       *[other] { $count } accounts
    } from { $label }
history-import-filled = fill in { $count ->
        [one] 1 account
       *[other] { $count } accounts
    } from { $label }
history-tiers = tiers of { $count ->
        [one] 1 customer
       *[other] { $count } customers
    } from their revenue
history-demo-label = demo (seed { $seed })
# `leadline backups`.
cli-backups-policy = written after the first change of a day and before imports and repairs; the newest { $daily } days and one a week for { $weekly } weeks are kept
cli-backups-off = off ([backup] enabled = false)
col-backup-day = DAY
col-backup-written = WRITTEN
col-backup-size = SIZE
col-backup-file = FILE
size-mb = { $size } MB
phones-reread = The phone region is now { $to } (it was { $from }): numbers without a country code were read again, { $changed ->
    [one] 1 account's changed
   *[other] { $changed } accounts' changed
}.
import-region-doubt = { $misfits } of the { $national } phone numbers without a country code do not fit the numbering plan of { $region }, and { $north } look North American: they are read as { $region } numbers ([contacts] default_region = "{ $region }"). { $suggest ->
    [none] Set default_region to their country in the settings (`leadline config` shows where), and Leadline reads them again.
   *[other] If they are { $suggest } numbers, set default_region = "{ $suggest }" in the settings (`leadline config` shows where), and Leadline reads them again.
}
import-kept-phone = phone
import-kept-email = email
import-kept-birthday = birthday
import-kept-anniversary = anniversary
import-kept-nickname = nickname
import-kept-website = website
import-kept-address = address
import-kept-date = date
import-kept-related = related
cli-import-kept-in-notes = { $count ->
    [one] 1 value with no field of its own (a second email, a nickname, a website, another address, a date, a related person) { $dry ->
        [yes] would be
       *[other] is
    } kept in its account's note.
   *[other] { $count } values with no field of their own (a second email, a nickname, a website, another address, a date, a related person) { $dry ->
        [yes] would be
       *[other] are
    } kept in their accounts' notes.
}
cli-unknown-encoding = unknown encoding '{ $name }': use a name such as UTF-8, GB18030, GBK, Big5, Shift_JIS or windows-1252
import-kept-potential = potential
import-kept-follow-up = follow-up
import-kept-last-touch = last touch
import-note-line = { $what }: { $value }
import-kept-value = { $what } '{ $value }'
