# 出错时的中文说明。英文说明就是各错误类型自己的文字（src/i18n/errors.rs）。
error-empty-name = 姓名不能为空
error-too-long = { $field }不能超过 { $max } 个字
error-phone-characters = 电话“{ $phone }”只能有数字、空格、+、-、括号和点
error-phone-short = 电话“{ $phone }”位数太少
error-phone-long = 电话“{ $phone }”位数太多
error-too-many-phones = 电话号码太多了
error-email = 邮箱“{ $email }”不像 name@example.com 这样的地址
error-tag = 标签“{ $tag }”是空的或带逗号
error-too-many-tags = 标签太多了
error-amount-empty = 金额不能为空
error-amount-negative = 金额“{ $amount }”是负数；金额只能是零或正数
error-amount-malformed = 金额“{ $amount }”不是 12000 或 12000.50 这样的数
error-amount-precise = 金额“{ $amount }”小数超过两位
error-amount-large = 金额“{ $amount }”太大了（最多 1,000,000,000,000）
error-keyword = { $what }“{ $given }”不对，可以填：{ $expected }
error-out-of-window = { $date } 不在 Leadline 接受的 1900 到 2200 年之间
error-month-day = “{ $given }”不是日期：填 MM-DD 或 YYYY-MM-DD
error-when = “{ $given }”不是日期：可以填 YYYY-MM-DD、YYYY-MM-DD HH:MM、HH:MM、现在、今天、明天、昨天、周三、下周三、这周五、月底、下个月（都可以带时间：下周三 15:00）、+3d、-2d、+1w、-2h
error-no-such-account = 没有和“{ $query }”对得上的客户
error-ambiguous = “{ $query }”对得上 { $total } 个客户：{ $candidates }；请用编号或更长的名字
error-no-such-follow-up = 没有跟进 #{ $id }
error-no-such-referral = 没有转介绍 #{ $id }
error-nothing-to-undo = 没有可撤销的操作

## 错误说明里用到的词
term-name = 姓名
term-company = 公司
term-title = 职位
term-address = 地址
term-source = 来源
term-email = 邮箱
term-phone = 电话
term-tag = 标签
term-incentive = 奖励
term-note = 备注
term-competitor-name = 竞争对手名称
term-competitor-answer = 竞争对手情况
term-lesson = 心得
term-reflection = 总结
term-grade = 级别
term-tier = 客户等级
term-archive-reason = 归档原因
term-touch-kind = 联系方式
term-direction = 方向
term-outcome = 结果
term-follow-up-reason = 跟进原因

## 数据目录的错误
error-store-in-use = 数据目录 { $path } 正被另一个 leadline 使用
error-store-too-new = 数据目录 { $path } 是新版 Leadline 写的（格式 { $found }；这一版最多读 { $supported }）；请升级 Leadline
error-store-corrupt = 读不了记录 { $key }：{ $reason }（`leadline doctor` 列出读不了的记录；`leadline recover --to NEW_DIR` 能把它找回来）
error-disk-full = 磁盘满了：什么都没保存（{ $path } 大约需要 { $needed } 空间，只剩 { $free }）
error-disk-full-saving = 磁盘满了：数据没写成，也不会再写；请清理 { $path } 所在磁盘的空间，然后运行 `leadline doctor`
error-disk-full-open = 磁盘满了：打不开数据目录 { $path }：sled 打开时要写文件；请先清理磁盘空间
error-row-too-long = 有一个值比任何字段都长（最多 { $max } 个字）
error-row-no-name = 没有姓名也没有公司
error-card-unended = 这张名片没有 END:VCARD
error-card-no-name = 这张名片没有姓名、公司或昵称
error-store-not-ours = { $path } 是{ $what ->
        [link] 一个链接
       *[other] 别的东西，不是普通文件
    }，不是 Leadline 放在那里的文件；什么都没有做：删掉它（Leadline 会重新建）
error-when-too-far = “{ $given }”太远了：偏移最多 { $limit }{ $unit }（十年）；请直接写日期
error-store-damaged-files = 数据目录的数据文件损坏了（{ $reason }）；什么都没有保存：`leadline recover --to NEW_DIR` 会用最新的备份和操作日志建一个完整的数据目录
error-store-no-room = 磁盘满了：数据目录所在的磁盘没有空间了（{ $reason }）；请腾出一些空间，再运行一次
error-now = LEADLINE_NOW=“{ $given }”不是时间：请写 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]，年份在 1900 到 2200 之间

# 读不了或写不了的文件，以及原因。
error-cannot-read = 读不了 { $path }：{ $reason }
error-cannot-write = 写不了 { $path }：{ $reason }
error-no-home = 没有用户主目录可以放数据：请用 --store DIR 指定
error-terminal-start = 打不开终端界面：{ $reason }
error-terminal-draw = 无法在终端上显示：{ $reason }
io-not-found = 没有这个文件
io-permission-denied = 没有权限
io-is-a-directory = 这是一个目录
io-not-a-directory = 路径里有一部分不是目录
io-storage-full = 磁盘满了
io-read-only = 文件系统是只读的
io-already-exists = 已经存在了

## Dates typed in an edit
error-not-a-date = “{ $given }”不是日期：请写 YYYY-MM-DD

## A backup to read that Leadline refuses
backup-gzip = { $label } 是损坏的 gzip 文件：{ $reason }
backup-not-utf8 = { $label } 不是 UTF-8 编码的 JSON
backup-not-json = 不是 Leadline 的备份：不是备份的 JSON（第 { $line } 行，第 { $column } 列）
backup-format = 不是 Leadline 的备份（格式“{ $format }”）
backup-too-new = 备份的版本是 { $version }；这个 Leadline 最多读到 { $supported }
backup-record = { $record }：{ $problem }
backup-record-account = 客户 { $id }（{ $name }）
backup-record-touch = 联系 { $id }
backup-record-order = 订单 { $id }
backup-record-follow-up = 跟进 { $id }
backup-record-referral = 转介绍 { $id }
backup-record-competitor = 竞争对手 { $id }
backup-record-day = { $date } 的记录
backup-twice = 备份里有两条
backup-out-of-range = 编号 { $id } 超出了存储能放的范围（1 到 { $max }）
backup-no-account = 它指向客户 { $account }，备份里没有这个客户
backup-no-competitor = 它指向竞争对手 { $competitor }，备份里没有这个竞争对手
backup-amount = 金额 { $amount }：订单金额要大于 0，最多 { $max }
backup-potential = 潜在价值要大于 0，最多 { $max }
backup-why-day = （当天的）
backup-why-import = （导入前的；什么都没导入）
backup-why-migration = （更新存储前的；存储保持原样）
backup-why-repair = （修复前的；什么都没修）
backup-why-journal = （日志起点的；存储保持原样）
error-backup-write = 无法在 { $dir } 写备份{ $why }：{ $reason }

## Importing contacts
import-quote-open = 第 { $line } 行开始的引号一直没有闭合
import-quote-rows = 第 { $line } 行开始的引号值一直延续到第 { $to } 行，吞掉了 { $rows } 行看起来像记录的内容：少了或多了一个引号
import-map-no-field = --map：没有字段“{ $name }”；可用的字段有 { $fields }，或 ignore
import-map-twice = --map：列“{ $column }”给了两次（先是 { $first }，又是 { $then }）；请只说一次它是什么
import-map-no-column = --map：{ $label } 里没有列“{ $column }”（表头：{ $headers }）
import-map-no-name = { $label }：没有姓名或公司列（表头：{ $headers }）；用 --map '列名=name' 说明哪一列是姓名

## Other refusals
error-outcome-kind = 结果“{ $outcome }”不适用于{ $kind }
error-demo-accounts = 演示数据的客户数在 1 到 { $max } 之间，不能是 { $given }
error-demo-touches = 演示数据平均每个客户最多 { $max } 次联系，不能是 { $given }
error-demo-total = 演示数据总共最多 { $max } 次联系（客户数乘以每个客户的联系次数）
error-demo-not-empty = 存储 { $path } 不是空的；演示数据只填进空的存储
error-restore-not-empty = 存储 { $path } 里已经有客户；请把备份恢复到新的存储（--store 目录）
error-recover-not-empty = { $path } 已经存在而且不是空的：请恢复到一个新目录
error-recover-no-backup = 没有可以作为起点的备份
error-recover-gap = 日志从第 { $first } 次更改开始，最新的备份只到第 { $covered } 次
error-recover-replay = 日志无法重放：{ $problem }
error-settings = { $path }：{ $problem }
error-settings-at = { $path }：第 { $line } 行，第 { $column } 列：{ $problem }
error-not-compacted = 存储没有压缩：{ $reason }

## The settings file
# kept: the TOML reader's own words after the colon (it has no others).
settings-toml = 设置文件有误（TOML 读取器的原话）：{ $detail }
settings-out-of-range = { $key } = { $value } 超出范围：{ $range }
range-days = 天数要在 { $min } 到 { $max } 之间
range-count = 要在 { $min } 到 { $max } 之间
range-share = 比例要大于 0，最多为 1
range-probability = 概率要在 0 到 1 之间
range-amount = 金额要在 0 到 { $max } 之间
range-weight = 权重要在 0 到 1000 之间
range-points = 分数要在 -1000 到 1000 之间
settings-b-share = focus.b_share 不能小于 focus.key_share
settings-tier-revenue = focus.tier_revenue 要依次递增：medium <= large <= vip
settings-four-weights = 要写 4 个权重（A 到 D，或 VIP、大、中、小），不是 { $count } 个
settings-not-a-day = “{ $key }”不是日子：写日期 YYYY-MM-DD，或每年的 MM-DD
settings-holiday-window = holidays.dates：{ $date } 不在 Leadline 接受的 1900 到 2200 年之间
settings-holiday-long = 节日名称最多 60 个字
settings-holiday-empty = 节日要有名称（问候时会用到）
settings-no-such-holiday = holidays.greetings：“{ $name }”不是 Leadline 认识的节日（认识的有：{ $known }）
settings-backup-dir = backup.dir 是空的：不写它，备份就放在存储旁边；或者给一个目录
settings-currency = ui.currency = “{ $symbol }”：写 1 到 4 个字符的货币符号，不含数字和空格（$、¥、CHF），或者 none

## The settings' [keys]
keys-no-such-command = { $name }：没有这个命令（`leadline config` 列出了所有命令）
keys-not-a-key = { $name } = "{ $text }" 不是按键：例如 c、C、+、Ctrl-d、Alt-x、Enter、Esc、Tab、PgDn、F2
keys-no-keys = { $name }：至少要给一个按键
keys-clash = { $name }：{ $key } 在“{ $scope }”里已经表示{ $help }（{ $other }）

## The store, when it cannot be used
error-not-a-store = { $path } 不是 Leadline 的存储：{ $reason }
error-store-io = 存储 { $path }：{ $reason }
error-ids-exhausted = 存储里的{ $kind }编号已经用完（最多 { $max }）；什么都没保存
error-store-damaged = 无法打开存储 { $path }：sled 发现它的数据文件损坏了（{ $reason }）
error-rolled-back = 存储 { $path } 丢了最新的 { $missing ->
    [one] 第 #{ $last } 次更改
   *[other] { $missing } 次更改（#{ $first } 到 #{ $last }）
}（最后一次是 { $at } 的“{ $summary }”）：一个损坏的数据文件让 sled 打开时少了它们
error-sled = 存储出错：{ $reason }
error-when-ahead = “{ $given }”不是日期：可以填 明天下午2点、周五、下周二 9:30、12月15日、12/15、两周后、下周、月底、+3d 或 YYYY-MM-DD
