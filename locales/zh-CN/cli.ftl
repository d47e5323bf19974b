# 命令行 --help 的中文。英文就是 src/cli/args.rs 里的文档注释；
# 每个键都要和那里的命令、参数一一对应（有测试检查）。

help-template = {"{before-help}{about-with-newline}"}
    用法：{"{usage}"}

    {"{all-args}{after-help}"}
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-flag-help = 显示帮助
help-flag-version = 显示版本

help-leadline = 用键盘操作的销售管道：今天联系谁、发生了什么、钱在哪里。
    不带命令时打开终端界面。
help-leadline-after = ACCOUNT 是编号、完整的名字，或只有一个结果的搜索。
    WHEN 是 YYYY-MM-DD、YYYY-MM-DDTHH:MM、HH:MM、今天、明天、昨天（也可带时间："昨天 18:30"）、
    后天、+Nd、-Nd、+Nw、-Nh 或 -Nm（从现在起的小时和分钟）；英文的 today、tomorrow、yesterday 也行。
    LEADLINE_NOW 固定时钟（YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]）。
help-leadline--store = 数据目录［默认：用户的数据目录］
help-leadline--demo = 使用演示数据（第一次用时创建并填好）
help-leadline--lang = 界面语言：en 或 zh-CN［默认：设置里的 [ui] language，否则看系统语言］
help-leadline--config = 设置文件［默认：用户配置目录里的 config.toml］
help-leadline-add = 添加潜在客户；打印它的编号
help-leadline-add--title = 职位
help-leadline-add--phones = 电话号码（多个就重复填）
help-leadline-add--tags = 标签（多个就重复填）
help-leadline-add--source = 客户是从哪来的
help-leadline-add--potential = 估计每年的价值，如 50000 或 12000.50
help-leadline-add--competitors = 竞争对手：还有谁在供货、他们的长处、底价
help-leadline-add--birthday = 联系人的生日，每年问候：MM-DD 或 YYYY-MM-DD
help-leadline-add--anniversary = 每年问候客户的纪念日［默认：第一次下单的日子］
help-leadline-add--grade = A、B、C 或 D［默认：C］
help-leadline-add--referred_by = 介绍这个客户的人
help-leadline-add--incentive = 这个客户下单后答应给介绍人的奖励（要同时填 --referred-by）
help-leadline-edit = 修改客户的资料（"" 清空一项）
help-leadline-edit--title = 职位
help-leadline-edit--phones = 电话号码（多个就重复填）
help-leadline-edit--tags = 标签（多个就重复填）
help-leadline-edit--source = 客户是从哪来的
help-leadline-edit--potential = 估计每年的价值，如 50000 或 12000.50
help-leadline-edit--competitors = 竞争对手：还有谁在供货、他们的长处、底价
help-leadline-edit--birthday = 联系人的生日，每年问候：MM-DD 或 YYYY-MM-DD
help-leadline-edit--anniversary = 每年问候客户的纪念日［默认：第一次下单的日子］
help-leadline-edit--tier = 锁定客户的等级
help-leadline-grade = 给潜在客户重新定级
help-leadline-log = 记录一次联系：电话、短信、拜访、邮件、信件、礼品或会面
help-leadline-log--kind = call（电话）、sms（短信）、visit（拜访）、email（邮件）、letter（信件）、gift（礼品）或 meeting（会面），中文也行
help-leadline-log--outcome = reached（接通）、no-answer（没人接）、busy（占线）、left-message（留言）、wrong-number（号码错误）、replied（已回复）、meeting-booked（约好见面）、quote-sent（已报价）、won（成交）、declined（拒绝），中文也行
help-leadline-log--lesson = 这次联系学到了什么，一句话；当天的复盘会汇总
help-leadline-log--at = 什么时候发生的［默认：现在］
help-leadline-log--inbound = 对方主动联系的
help-leadline-log--next = 把下一步安排成跟进；`auto` 按设置里这个结果建议的日子
help-leadline-order = 记录订单（第一笔订单让潜在客户变成客户）
help-leadline-order--amount = 以元为单位，如 12000.50
help-leadline-follow-up = 安排跟进
help-leadline-follow-up--kind = 怎么跟进［默认：电话］
help-leadline-done = 把跟进标记为完成
help-leadline-skip = 跳过跟进（不做就关闭）
help-leadline-snooze = 把跟进推迟到以后的日子（算一次推迟；改期用 `amend follow-up`）
help-leadline-snooze--to = 新的日子，要晚于到期日［默认：到期后的第一个工作日］
help-leadline-amend = 修改过去的一次联系、一笔订单或一个跟进（跟进改日子算改期，不算推迟）
help-leadline-amend-touch = 一次联系：种类、结果、时间、方向、备注或心得
help-leadline-amend-touch--kind = call、sms、visit、email、letter、gift 或 meeting（中文也行）
help-leadline-amend-touch--outcome = 一个结果，或 `none` 清空
help-leadline-amend-touch--inbound = 对方主动联系的
help-leadline-amend-touch--outbound = 我方主动联系的
help-leadline-amend-order = 一笔订单：金额、日期或备注
help-leadline-amend-follow-up = 一个跟进：日子（提前或推后；不算推迟）、种类或备注
help-leadline-remove = 删除记错的一次联系、一笔订单或一个跟进（可撤销）
help-leadline-archive = 归档客户（保留资料，不再排进每日计划）
help-leadline-restore = 恢复已归档的客户
help-leadline-list = 列出客户
help-leadline-list--all = 包括已归档的客户
help-leadline-show = 一个客户和它的时间线
help-leadline-search = 按姓名、公司、电话、邮箱、标签或拼音模糊搜索；也找总结里有这些字的日子
help-leadline-today = 今天的计划：联系谁、为什么，承诺优先，最多当天的容量
help-leadline-today--all = 也列出已到期但排在以后的
help-leadline-plan = 接下来几天的计划：每天的名单，以及为什么排在那天
help-leadline-plan--days = 几天，从今天算起
help-leadline-refer = 记录一个客户介绍了另一个客户
help-leadline-refer--incentive = 被介绍的客户下单后答应给介绍人的奖励
help-leadline-referrals = 转介绍台账；`referrals deliver ID` 把奖励标记为已兑现
help-leadline-referrals-deliver = 把已达成的奖励标记为已兑现
help-leadline-review = 一天的工作：联系了谁、计划了谁没做、订单、连续天数、总结
help-leadline-review--date = 要复盘的日子［默认：今天］
help-leadline-review--note = 写当天的总结和反思：哪里做得好、哪里要改；"" 删除
help-leadline-focus = 二八分析：重点客户、ABC、精力对价值、MVC/MGC/BZC、预测
help-leadline-tiers = 等级和营收不相符的客户
help-leadline-tiers--apply = 把所有没锁定的客户调到建议的等级
help-leadline-config = 打印正在使用的设置和它们的来源
help-leadline-undo = 撤销上一步（可重复）
help-leadline-history = 操作记录，最新的在前
help-leadline-export = 写一份完整备份，或把待办跟进导出成日历
help-leadline-export--output = 写到 FILE，而不是标准输出
help-leadline-export--salvage = 从损坏的数据里：写出能读的每条记录，并列出读不了的
help-leadline-backups = 自动备份，最新的在前（用 `import` 恢复到空的数据目录）
help-leadline-import = 把 JSON 备份恢复到空的数据目录，或从 CSV 添加联系人
help-leadline-import--dry_run = 只检查并报告，什么都不改
help-leadline-import--skip_invalid = 即使有些行被拒，也导入 CSV 里有效的行
help-leadline-import--encoding = CSV 的编码（如 utf-8、gb18030、shift_jis、windows-1252、utf-16le）［默认：自动识别］
help-leadline-demo = 用逼真的演示数据填满空的数据目录
help-leadline-doctor = 检查数据里的每条记录；--repair 重建派生数据
help-leadline-doctor--repair = 重建汇总和索引（先写备份）；也接受丢过修改的数据
help-leadline--quiet = 不说命令做了什么：只显示要求显示的内容、错误和注意事项
