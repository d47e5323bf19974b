# 竞争对手：书中的品牌和公司，每个客户处的记录（五个问题），输给他们的单子，全书的报告。

competitor-unnamed = （未注明对手）
error-no-such-competitor = 没有叫“{ $name }”的竞争对手（`leadline competitors` 列出所有对手）
error-competitor-note-exists = { $name } 已有关于 { $competitor } 的记录：用 `leadline competitor edit` 修改
error-no-such-note-position = { $name } 没有第 { $position } 条竞争对手记录（共 { $count } 条）
error-no-competitor-note = { $name } 没有关于 { $competitor } 的记录
error-alias-same = “{ $alias }”已经是 { $competitor } 的名字
error-credit-days = 账期“{ $given }”不是 0 到 3650 之间的天数
error-lost-to-not-declined = 只有被拒绝的单子才会输给竞争对手：请加上 --outcome declined
error-lost-to-not-lost = 只有以“流失”归档的客户才会输给竞争对手
history-competitor-add = { $name }（#{ $id }）的竞争对手 { $competitor }
history-competitor-edit = 修改 { $name }（#{ $id }）的竞争对手 { $competitor }
history-competitor-remove = 删除 { $name }（#{ $id }）的竞争对手 { $competitor }
history-competitor-alias = { $alias } 是 { $competitor } 的别名
history-competitor-merge = { $gone } 并入 { $competitor }
also-competitor-new = 新的竞争对手：{ $competitor }
also-lost-to = 输给了 { $competitor }

# 五个问题，按业务员的说法。
question-strength = 实力
question-offer = 能提供的价值
question-floor = 底线
question-weakness = 弱点
question-edge = 强项
question-price = 对方价格
question-note = 备注
note-credit-days = 账期：{ $days } 天
note-confirmed-on = { $day } 确认
note-never-confirmed = 从未
note-stale-mark = （已过时）

# 命令行。
cli-competitor-added = 已记下 { $name }（#{ $id }）的竞争对手 { $competitor }
cli-competitor-edited = 已更新 { $name }（#{ $id }）的竞争对手 { $competitor }
cli-competitor-removed = 已删除 { $name }（#{ $id }）关于 { $competitor } 的记录
cli-competitor-aliased = “{ $alias }”现在是 { $competitor } 的名字
cli-competitor-merged = { $merged } 现在就是 { $competitor }（{ $accounts } 个客户的记录算在它名下）
cli-no-competitors = 还没有竞争对手：用 `leadline competitor add 客户 名称` 记一个。
cli-competitor-strengths = 强项：{ $phrases }
cli-competitor-weaknesses = 弱点：{ $phrases }
cli-competitor-unnamed-notes = 有 { $count } 条记录还没注明是哪个对手：`leadline competitor edit 客户 '#1' --competitor 名称`
cli-competitors-title = 竞争对手
cli-competitor-summary = 在 { $accounts } 个客户处供货 · 我们在那里的销售额 { $at_risk } · 12 个月内输给他们 { $lost } 单
cli-competitor-lost-title = 最近 12 个月输给他们的单子
cli-competitor-notes = 竞争对手
cli-lost-to = （输给了 { $competitor }）
col-competitor = 竞争对手
col-accounts = 客户数
col-at-risk = 有风险的销售额
col-lost-12m = 12个月丢单
col-lowest-price = 最低价
col-floor = 最新底线
col-strengths = 强项
col-weaknesses = 弱点

# 终端界面。
log-lost-to = 输给了
log-lost-to-hint = 赢走这单的对手（可不填）
form-title-add-competitor = 还有谁给 { $name } 供货？
form-title-edit-competitor = { $name } 处的 { $competitor }
form-title-name-competitor = { $name } 的一条竞争对手记录：是哪家？
saved-competitor = 已保存 { $name } 处关于 { $competitor } 的情况。
deleted-competitor = 已删除 { $name } 处关于 { $competitor } 的记录。
remove-competitor = 关于 { $competitor } 的记录
panel-competitors = 竞争对手
panel-no-competitors = 还没有记录：按 w 记下还有谁在这里供货
focus-competition-unknown = { $count } 个重点客户：不知道还有谁在那里供货（在客户页按 w 记下）
competitors-screen-none = 还没有记下竞争对手：打开一个客户，按 w。
competitors-detail-accounts = 在 { $count } 个客户处供货；我们在那里的销售额 { $at_risk }
competitors-detail-lost = 12 个月内输给他们（{ $count } 单）
competitors-header = { $count } 个竞争对手 · 他们供货处我们的销售额 { $at_risk } · 12 个月内输给他们 { $lost } 单
competitors-detail-lowest = 最低价：{ $price }（{ $account }）
competitors-detail-floor = 最新底线：{ $floor }（{ $account }）
competitors-detail-offer = 最新条件：{ $offer }（{ $account }）
competitors-detail-stale = { $count } 条记录超过 { $days } 天没有确认
cli-focus-competition-unknown = { $count } 个重点客户：不知道还有谁在那里供货（用 `leadline competitor add 客户 名称` 记下）
note-answer = { $label }：{ $answer }
focus-no-competitor-noted = { " " }· 未记竞争对手
