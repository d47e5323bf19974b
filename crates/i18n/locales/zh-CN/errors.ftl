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
term-competitor-notes = 竞争对手
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
