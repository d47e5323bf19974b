# What went wrong, as a rep reads it: the errors of typed input, of an
# account reference and of the store. Each error type names its message here
# (crates/i18n/src/errors.rs, crates/app/src/words.rs); zh-CN/errors.ftl has
# the same ids.
error-empty-name = name is empty
error-too-long = { $field } is longer than { $max } characters
error-phone-characters = phone '{ $phone }' has characters other than digits, spaces, +, -, (, ) and .
error-phone-short = phone '{ $phone }' has too few digits
error-phone-long = phone '{ $phone }' has too many digits
error-too-many-phones = more than 10 phone numbers
error-email = email '{ $email }' is not an address like name@example.com
error-tag = tag '{ $tag }' is empty or contains a comma
error-too-many-tags = more than 30 tags
error-amount-empty = amount is empty
error-amount-negative = amount '{ $amount }' is negative; amounts are zero or more
error-amount-malformed = amount '{ $amount }' is not a number like 12000 or 12000.50
error-amount-precise = amount '{ $amount }' has more than two decimals
error-amount-large = amount '{ $amount }' is too large (at most 1,000,000,000,000)
error-keyword = { $what } '{ $given }' is not one of: { $expected }
error-out-of-window = { $date } is outside the years 1900 to 2200 that Leadline accepts
error-month-day = '{ $given }' is not a birthday: use MM-DD or YYYY-MM-DD (e.g. 03-15 or 1978-03-15)
error-when = '{ $given }' is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:MM, HH:MM, today, tomorrow, yesterday, a weekday (wed, next wed, this fri), end of month, next month (each with a time: next wed 15:00), +Nd, -Nd, +Nw, -Nh or -Nm
error-no-such-account = no account matches '{ $query }'
error-ambiguous = '{ $query }' matches { $total } accounts: { $candidates }; use an id or a longer name
error-no-such-follow-up = no follow-up #{ $id }
error-no-such-referral = no referral #{ $id }
error-nothing-to-undo = nothing to undo

term-name = name
term-company = company
term-title = title
term-address = address
term-source = source
term-email = email
term-phone = phone
term-tag = tag
term-incentive = incentive
term-note = note
term-competitor-name = competitor name
term-competitor-answer = competitor answer
term-lesson = lesson
term-reflection = reflection
term-grade = grade
term-tier = tier
term-archive-reason = archive reason
term-touch-kind = touch kind
term-direction = direction
term-outcome = outcome
term-follow-up-reason = follow-up reason

error-store-in-use = store { $path } is in use by another leadline process
error-store-too-new = store { $path } was written by a newer Leadline (schema { $found }; this build reads up to { $supported }); upgrade Leadline
error-store-corrupt = unreadable record { $key }: { $reason } (`leadline doctor` lists what cannot be read; `leadline recover --to NEW_DIR` brings it back)
error-disk-full = disk full: nothing was saved ({ $path } needs about { $needed } free, { $free } is left)
error-disk-full-saving = disk full: the store could not be written, and nothing more will be; free some space on the disk of { $path }, then run `leadline doctor`
error-disk-full-open = disk full: cannot open store { $path }: sled writes to its files when it opens; free some space on its disk first
error-row-too-long = a value is longer than any field holds ({ $max } characters at most)
error-row-no-name = no name or company
error-card-unended = the card has no END:VCARD
error-card-no-name = the card has no name, company or nickname
error-store-not-ours = { $path } is { $what ->
        [link] a link
       *[other] not a plain file
    }, not the file Leadline keeps there; nothing was done: remove it (Leadline makes it again)
error-store-damaged-files = the store's data files are damaged ({ $reason }); nothing was saved: `leadline recover --to NEW_DIR` builds a whole store from the newest backup and the journal
error-store-no-room = disk full: there is no room left on the store's disk ({ $reason }); free some space, then run the command again
error-when-too-far = '{ $given }' is too far: an offset goes up to { $limit }{ $unit } (ten years); give a date instead
error-now = LEADLINE_NOW='{ $given }' is not a time: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], in the years 1900 to 2200

# A file Leadline could not read or write, and why, in the words of the
# system's error kinds.
error-cannot-read = cannot read { $path }: { $reason }
error-cannot-write = cannot write { $path }: { $reason }
error-no-home = no home directory to keep the store in; use --store DIR
error-terminal-start = cannot start the terminal interface: { $reason }
error-terminal-draw = cannot draw on the terminal: { $reason }
io-not-found = there is no such file
io-permission-denied = permission denied
io-is-a-directory = it is a directory
io-not-a-directory = a part of the path is not a directory
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-already-exists = it exists already

## Dates typed in an edit
error-not-a-date = '{ $given }' is not a date: use YYYY-MM-DD

## A backup to read that Leadline refuses
backup-gzip = { $label } is a damaged gzip file: { $reason }
backup-not-utf8 = { $label } is not UTF-8 JSON
backup-not-json = not a Leadline backup: it is not the JSON of one (line { $line }, column { $column })
backup-format = not a Leadline backup (format '{ $format }')
backup-too-new = the backup is version { $version }; this Leadline reads up to { $supported }
backup-record = { $record }: { $problem }
backup-record-account = account { $id } ({ $name })
backup-record-touch = touch { $id }
backup-record-order = order { $id }
backup-record-follow-up = follow-up { $id }
backup-record-referral = referral { $id }
backup-record-competitor = competitor { $id }
backup-record-day = the record of { $date }
backup-twice = the backup has it twice
backup-out-of-range = id { $id } is outside the ids the store holds (1 to { $max })
backup-no-account = it refers to account { $account }, which is not in the backup
backup-no-competitor = it refers to competitor { $competitor }, which is not in the backup
backup-amount = amount { $amount }: an order is more than 0 and at most { $max }
backup-potential = a potential is more than zero and at most { $max }
backup-why-day = of the day
backup-why-import = before the import (nothing was imported)
backup-why-migration = before updating the store (it was left as it was)
backup-why-repair = before the repair (nothing was repaired)
backup-why-journal = the journal starts with (the store is as it was)
error-backup-write = cannot write a backup { $why } in { $dir }: { $reason }

## Importing contacts
import-quote-open = the quote that opens on line { $line } never closes
import-quote-rows = the quoted value that opens on line { $line } runs to line { $to } over { $rows } lines that look like rows: a quote is missing or one too many
import-map-no-field = --map: no field '{ $name }'; the fields are { $fields }, or ignore
import-map-twice = --map: column '{ $column }' is given twice ({ $first }, then { $then }); say once what it holds
import-map-no-column = --map: { $label } has no column '{ $column }' (headers: { $headers })
import-map-no-name = { $label }: no name or company column (headers: { $headers }); say which holds the name with --map 'Column=name'

## Other refusals
error-outcome-kind = outcome { $outcome } does not fit a { $kind }
error-demo-accounts = a demo has from 1 to { $max } accounts, not { $given }
error-demo-touches = a demo has at most { $max } touches per account on average, not { $given }
error-demo-total = a demo has at most { $max } touches in all (accounts times touches per account)
error-demo-not-empty = store { $path } is not empty; the demo only fills an empty store
error-restore-not-empty = store { $path } already holds accounts; restore a backup into a new store (--store DIR)
error-recover-not-empty = { $path } already exists and is not empty: recover into a new directory
error-recover-no-backup = no backup to start from
error-recover-gap = the journal starts at change #{ $first }, the newest backup holds up to #{ $covered }
error-recover-replay = the journal does not replay: { $problem }
error-settings = { $path }: { $problem }
error-settings-at = { $path }: line { $line }, column { $column }: { $problem }
error-not-compacted = the store was not compacted: { $reason }

## The settings file
settings-toml = { $detail }
settings-out-of-range = { $key } = { $value } is out of range: { $range }
range-days = days from { $min } to { $max }
range-count = from { $min } to { $max }
range-share = a share above 0 and at most 1
range-probability = a probability from 0 to 1
range-amount = an amount from 0 to { $max }
range-weight = a weight from 0 to 1000
range-points = points from -1000 to 1000
settings-b-share = focus.b_share must be at least focus.key_share
settings-tier-revenue = focus.tier_revenue must rise: medium <= large <= vip
settings-four-weights = needs 4 weights (A to D, or VIP, large, medium, small), not { $count }
settings-not-a-day = '{ $key }' is not a day: a date YYYY-MM-DD, or MM-DD for every year
settings-holiday-window = holidays.dates: { $date } is outside the years 1900 to 2200 that Leadline accepts
settings-holiday-long = a holiday's name is at most 60 characters
settings-holiday-empty = a holiday needs a name (it is greeted by it)
settings-no-such-holiday = holidays.greetings: '{ $name }' is not a holiday Leadline knows (they are: { $known })
settings-backup-dir = backup.dir is empty: leave it out for backups beside the store, or give a directory
settings-currency = ui.currency = '{ $symbol }': a symbol of 1 to 4 characters without digits or spaces ($, ¥, CHF), or none

## The settings' [keys]
keys-no-such-command = { $name }: no such command (`leadline config` lists them)
keys-not-a-key = { $name } = "{ $text }" is not a key: write e.g. c, C, +, Ctrl-d, Alt-x, Enter, Esc, Tab, PgDn, F2
keys-no-keys = { $name }: give at least one key
keys-clash = { $name }: { $key } already means { $help } ({ $other }) in { $scope }

## The store, when it cannot be used
error-not-a-store = { $path } is not a Leadline store: { $reason }
error-store-io = store { $path }: { $reason }
error-ids-exhausted = the store has handed out every { $kind } id it can hold (up to { $max }); nothing was saved
error-store-damaged = store { $path } cannot be opened: sled finds its data files damaged ({ $reason })
error-rolled-back = store { $path } has lost its newest { $missing ->
    [one] change #{ $last }
   *[other] { $missing } changes, #{ $first } to #{ $last }
} (the last was '{ $summary }' at { $at }): a damaged data file made sled open without them
error-sled = store error: { $reason }
error-when-ahead = '{ $given }' is not a date: use tomorrow 2pm, fri, next tue 9:30am, dec 15, 12/15, in 2 weeks, next week, end of month, +3d or YYYY-MM-DD
