# Leadline 的中文界面用语。每条都与 en-US/leadline.ftl 一一对应（编译时检查）。
#
# kept: VIP, MVC, MGC, BZC, ABC, JSON, CSV, Markdown, ICS, vCard, vdir
# 上面这些词保留拉丁字母（tests/language_scan.rs 读这一行）：VIP 是国内销售的通用说法；
# MVC、MGC、BZC、ABC 是 80/20 分析的术语，报告、设置和产品说明都用这些名字；
# JSON、CSV、Markdown、ICS、vCard、vdir 是文件格式的名字，命令行参数也这样写。

## 标签栏：各页面的标题，窄终端用短标题。
tab-today = 今日
tab-pipeline = 潜在客户
tab-customers = 客户
tab-account = 客户详情
tab-referrals = 转介绍
tab-review = 复盘
tab-focus = 二八分析
tab-competitors = 竞争对手
tab-short-today = 今日
tab-short-pipeline = 潜客
tab-short-customers = 客户
tab-short-account = 详情
tab-short-referrals = 转介
tab-short-review = 复盘
tab-short-focus = 二八
tab-short-competitors = 对手

## 12 小时制（[ui] clock = "12h"）
clock-am = 上午{ $time }
clock-pm = 下午{ $time }

## 框架
loading-book = 正在载入客户资料…
terminal-too-small = 终端太小：{ $width }x{ $height }，Leadline 至少需要 { $min_width }x{ $min_height }。
help-title = { $screen } 的按键（{ $close } 关闭）

## 今日：当天的计划
today-planned = 计划 { $count } 个
today-done = 已完成 { $done }/{ $total }
today-later = 另有 { $count } 个排后
today-slots = 承诺 { $promised } 个，重点与潜力客户 { $focus } 个
today-can-wait = 承诺排满了今天：C、D 级潜在客户的 { $count } 个逾期承诺可以推后（按 { $key } 移走）。
form-title-triage = 移走 C、D 级潜在客户的 { $count } 个逾期承诺
saved-triage = 已把 C、D 级潜在客户的 { $count } 个逾期承诺移到 { $to }。
info-nothing-to-triage = 没有逾期够久、可以移走的 C、D 级潜在客户的承诺。
today-over-capacity = 超出容量：{ $promised } 个承诺，只有 { $slots } 个名额
today-focus-hint = 按 7 看二八分析
today-empty = 今天没有要联系的。按 / 搜索客户，按 a 添加客户。
today-divider = -- 后面 { $count } 个
today-divider-why = 已到期，排在接下来几天 --

## 列标题
col-name = 姓名
col-company = 公司
col-stage = 阶段
col-mark = 二八
col-phone = 电话
col-do = 方式
col-why = 原因
col-last-touch = 上次联系

## 联系方式（接触的种类）
kind-call = 电话
kind-sms = 短信
kind-visit = 拜访
kind-email = 邮件
kind-letter = 信件
kind-gift = 礼品
kind-meeting = 会面

## 为什么今天要联系
due-overdue = 逾期 { $days } 天
due-today-at = 今天 { $time } 到期
due-today = 今天到期
due-in = { $days } 天后到期
due-what-plain = { $reason }（{ $kind }）
due-what-note = { $reason }：{ $note }
due-snoozed = 已推迟 { $times } 次
due-more = 另有 { $count } 个到期
follow-up-reason-promised = 承诺
follow-up-reason-cadence = 例行回访
follow-up-reason-referral = 转介绍
follow-up-reason-holiday = 节日
follow-up-reason-after-sale = 售后
follow-up-reason-incentive = 推荐奖励
stage-grade = { $grade } 级
stage-tier-vip = VIP
stage-tier-large = 大客户
stage-tier-medium = 中客户
stage-tier-small = 小客户
cadence-never = { $stage }，从未联系（{ $days } 天前添加）
cadence-no-touch = { $stage }，{ $days } 天没联系
cadence-since-order = { $stage }，{ $days } 天前下单后没联系
greeting = { $what }{ $when }：{ $how }
greeting-today = 就在今天
greeting-in = 还有 { $days } 天
greeting-holiday = 节日
greeting-birthday = 生日
greeting-anniversary = 合作 { $years } 周年
greeting-sms = 发问候短信
greeting-visit = 上门问候
greeting-gift = 发问候或送礼
greeting-call = 打电话问候
greeting-card = 寄贺卡
greeting-email = 发问候邮件
reason-key-account = 重点客户
reason-forward-key = 重点客户：上次{ $kind }已是 { $days } 天前；占你收入的 { $share }
reason-forward-key-never = 重点客户：还没联系上；占你收入的 { $share }
reason-forward-growable = 成长空间大：上次{ $kind }已是 { $days } 天前；还能多做 { $headroom }
reason-forward-growable-never = 成长空间大：还没联系上；还能多做 { $headroom }
reason-first-contact = 新客户：首次联系（{ $stage }，{ $days ->
        [0] 今天添加
       *[other] { $days } 天前添加
    }）
reason-big-potential = 潜力大
reason-sms-fatigue = { $count } 条短信未回：改打电话或上门
reason-join = ；
done-touch = 已完成：{ $time } { $kind }
done-closed = 已完成：跟进已关闭
done-order = 已完成：已下单
planned-holiday = 节日就在当天
planned-promise = 有到期的承诺
planned-focus = 留给重点和 MGC 客户的名额
planned-score = 按得分排到
planned-waited = { $slot }；等了 { $days } 天才有空位
kind-touch = 联系
day-tomorrow = 明天
day-on = { $weekday } { $date }
day-after = { $weekday } { $date } 以后
weekday-1 = 周一
weekday-2 = 周二
weekday-3 = 周三
weekday-4 = 周四
weekday-5 = 周五
weekday-6 = 周六
weekday-7 = 周日
later-row = { $day }：{ $reasons }
help-in-forms = 表单里

## 记录表
log-title = 记录与 { $name } 的{ $kind }
log-title-inbound = 记录 { $name } 主动联系的{ $kind }
log-kind = 种类
log-outcome = 结果
log-next = 下一步
log-note = 备注
log-lesson = 心得
log-purpose-festival = { $name }问候
log-purpose-birthday = 生日问候
log-purpose-anniversary = 周年问候
log-title-purpose = 记录与 { $name } 的{ $kind }：{ $purpose }
log-amount = 金额
log-amount-hint = 成交金额，例如 12000（按 Esc 只记这次联系）
log-next-hint = 哪天：3（3 天后）、下周三 15:00、月底；空着就是没有
check-meeting-day = 约好见面要写日子（和时间）：例如 下周三 15:00
check-won-amount = 成交金额，例如 12000（按 Esc 只记这次联系）
info-deliver-select = 选一行“待兑现”或被介绍的客户（缩进的一行），才能兑现奖励。
info-not-earned = 还没达成：{ $referee } 还没下单。
info-already-delivered = { $referrer } 介绍 { $referee } 的奖励已经兑现过了。
question-deliver = { $referrer } 介绍了 { $referee }，{ $incentive } 给到了吗？
question-the-incentive = 奖励
question-delivered = 兑现奖励
question-delivered-yes = 给了
question-not-yet = 还没有
question-lower-grade = { $name } 拒绝了：同时降为 { $grade } 级吗？
question-lower-yes = 降级
question-lower-no = 不降
question-declined = 拒绝
saved-won-no-order = {" "}这笔成交还没记：按 o 记订单。
log-when = 时间
log-lesson-hint = 可选：这次联系学到了什么
log-guide = 先写备注。{ $next } 依次到心得、时间（现在、昨天 18:30、-2h），再到上面几行，按一个键就能选；
log-guide-picks = 在文字栏里，Alt+字母选结果，Alt+数字选下一步。{ $toggle }：对方主动联系。
log-guide-picks-kind = 在文字栏里，Alt+字母选结果和种类，Alt+数字选下一步。{ $toggle }：对方主动联系。
form-save = 保存
form-save-valid = 保存（每栏都填对时）
form-next-field = 下一栏
form-cancel = 取消

## 状态栏
saved-touch = 已记录与 { $name } 的{ $kind }{ $purpose }{ $outcome }{ $next }。
saved-outcome = （{ $outcome }）
saved-purpose = （{ $purpose }）
purpose-festival = 节日问候
purpose-birthday = 生日问候
purpose-anniversary = 纪念日问候
purpose-thanks = 感谢介绍
saved-next = ，下一步 { $day }
undo-hint = 按 u 撤销。
outcome-reached = 接通
outcome-no-answer = 没人接
outcome-busy = 占线
outcome-left-message = 留言
outcome-wrong-number = 号码错误
outcome-replied = 已回复
outcome-meeting-booked = 约好见面
outcome-quote-sent = 已报价
outcome-won = 成交
outcome-declined = 拒绝

## 潜在客户与客户
count-prospects = { $count } 个潜在客户
count-customers = { $count } 个客户
potential-total = 潜在价值 { $amount }
revenue-12m = 近 12 个月营收 { $amount }
grade-heading = { $grade } 级
col-abc = ABC
col-revenue-12m = 12个月营收
col-potential = 潜在价值
col-next = 下次
ago-never = 从未
ago-today = 今天
ago-yesterday = 昨天
ago-days = { $days } 天前

## 客户详情页
card-title = 名片
card-phone = 电话
phone-doubtful = { $phone }（未能按{ $region }号码识别，按原样拨打）
card-email = 邮箱
card-title-field = 职位
card-address = 地址
card-tags = 标签
card-source = 来源
card-birthday = 生日
card-anniversary = 合作纪念日
card-potential = 潜在价值
card-revenue-field = 营收
card-competitors = 竞争对手
card-note = 备注
card-revenue = 近 12 个月 { $year }，累计 { $all }
card-empty = 还没有联系方式：按 e 编辑
side-title = 下一步
side-follow-ups = 跟进
side-none-open = 没有待办跟进
side-snoozed = ，推迟 { $times } 次
side-referrals = 转介绍
side-none = 无
side-referred-by = 由 { $name } 介绍
side-referred = 介绍了 { $name }
timeline-title = 时间线：{ $touches } 次联系，{ $orders } 个订单   E 修改，D 删除所选
timeline-due = 到期：
timeline-inbound = （对方主动）
timeline-order = 订单 { $amount }
stage-archived = 已归档（{ $reason }）
stage-prospect = 潜在客户，{ $grade } 级
stage-customer = 客户，{ $tier }
stage-customer-pinned = 客户，{ $tier }（已锁定）

## 转介绍
referrals-counts = { $referrals } 次转介绍   { $converted } 个成交
referrals-to-deliver = { $count } 份奖励待兑现
referrals-empty = 还没有转介绍。按 a 添加客户时填“介绍人”。
referrals-deliver = 兑现 { $referrer }→{ $referee }
referrals-made = { $made }（成交 { $bought }）
incentive-promised = 已承诺
incentive-earned = 待兑现
incentive-delivered = 已兑现
col-who-referred = 谁介绍了谁
col-referred = 介绍数
col-incentive = 奖励
col-status = 状态
col-referred-on = 介绍日期

## 窄列里的阶段和二八标记
stage-short-archived = 已归档
stage-short-vip = VIP
stage-short-large = 大
stage-short-medium = 中
stage-short-small = 小
mark-key = 重点
mark-mgc = MGC
mark-bzc = BZC

## 二八分析
focus-none-yet = 还没有重点客户：近 12 个月没有客户有营收
focus-key = { $customers } 个客户中的 { $key } 个带来了近 12 个月 { $share } 的营收，共 { $revenue }
focus-forecast = 预测 { $amount }
focus-no-key-accounts = 还没有重点客户：重点客户是带来近 12 个月大部分营收的客户。
focus-effort-ok = 近 { $days } 天，重点客户占你 { $effort } 的精力（目标 { $target }）。
focus-effort-short = 重点客户：营收占 { $revenue }，{ $window }只占你 { $effort } 的精力
focus-window-month = 本月
focus-window-days = 近 { $days } 天
focus-pareto = 帕累托：客户的营收占比
focus-no-revenue = 近 12 个月还没有营收。
focus-cut = 前 { $share } 的客户
focus-effort-title = 精力与营收
focus-bar-revenue = 营收
focus-bar-effort = 精力
focus-key-a = 重点（A）
focus-prospects = 潜在客户
focus-mvc = MVC：{ $count } 个重点客户
focus-of-revenue = 占营收 { $share }
focus-mgc = MGC：增长空间最大
focus-mgc-detail = 潜在价值 - 营收
focus-bzc = BZC：{ $count } 个亏本
focus-bzc-detail = 营收 - 成本
focus-over-served = 服务过度的客户
focus-over-served-detail = 精力对营收
focus-empty = 还没有可列的：记录订单后就能看到客户的二八分布。
focus-potential = 潜在价值 { $amount }
focus-costs-more = 花费多于收入
focus-effort-revenue = 精力 { $effort }，营收 { $revenue }
col-account = 客户
col-amount = 金额

## 复盘
review-title = { $date } { $weekday } 复盘
review-keys = { $previous } 和 { $next } 换一天，{ $reflect } 写总结
review-past-today = 复盘不能看今天以后的日子。
review-loading = 正在载入复盘…
review-empty = 没有联系过谁，计划里也没有剩下的。
review-contacted = 已联系
review-planned-left = 计划中，还没做
review-planned-missed = 计划中，没做到
col-what = 内容
review-touches = 联系
review-outcomes = 结果
review-plan = 计划
review-orders = 订单
review-follow-ups = 跟进
review-still-due = 仍待跟进
review-missed = 错过
review-past-cadence = 超过回访周期
review-streak = 连续
review-lesson = 心得
review-reflection = 总结和反思
review-none = 无
review-no-outcome = 无结果
review-plan-left = 完成 { $worked }/{ $planned }，还有 { $left } 个要做
review-plan-missed = 完成 { $worked }/{ $planned }，错过 { $left } 个
review-orders-worth = { $count } 个，共 { $value }：{ $list }
review-follow-up-counts = 完成 { $done } 个，跳过 { $skipped } 个，推迟 { $snoozed } 个
review-and-more = { $list }，另有 { $count } 个
review-streak-days = { $days } 天都把计划做完
review-reflection-none = 还没写
review-holiday = 节日问候
review-focus = 重点客户，提前联系
review-cadence-of = { $stage }，超过回访周期
review-cadence = 超过回访周期
review-touch-outcome = { $kind }（{ $outcome }）
review-lesson-of = { $lesson }（{ $name }）
list-separator = 、
weekday-long-1 = 星期一
weekday-long-2 = 星期二
weekday-long-3 = 星期三
weekday-long-4 = 星期四
weekday-long-5 = 星期五
weekday-long-6 = 星期六
weekday-long-7 = 星期日
sentence = { $text }。

## 浮层：搜索、帮助、选择、确认
search-title = 搜索：姓名、公司、电话、邮箱、标签、拼音（zw 找到 张伟）
search-accounts = { $count } 个客户
search-matches = 找到 { $count } 个
help-more-below = 下面还有：{ $down } 翻页，{ $bottom } 到底
help-the-end = 到底了；{ $top } 回到顶部
picker-title-done = { $name } 有 { $count } 个待办跟进：完成哪一个？
picker-title-skip = { $name } 有 { $count } 个待办跟进：跳过哪一个？
picker-title-snooze = { $name } 有 { $count } 个待办跟进：推迟哪一个？
picker-overdue = { $due }（逾期 { $days } 天）
picker-today = { $due }（今天）
picker-take = 选这个
picker-next = 下一个
picker-cancel = 取消
question-unsaved = 还没保存
question-discard = 不要刚才输入的内容了吗？
question-discard-yes = 不要了
question-keep-editing = 继续编辑
question-delete = 删除
question-delete-yes = 删除（按 u 可撤销）
question-keep-it = 保留
form-careful = 注意：{ $warning }。
form-fix-this = ! 请改正
form-kind-picks = 种类        Alt+
form-error = { $field }：{ $error }

## 表单标题
form-title-archive = 归档 { $name }
form-title-referral = { $name } 介绍的人：先填姓名和电话，其余以后再编辑（e）
form-title-add = 添加客户
form-title-edit = 编辑 { $name }
form-title-order = 记录 { $name } 的订单
form-title-follow-up = 跟进 { $name }
form-title-snooze = 推迟与 { $name } 的跟进 #{ $id }：{ $kind }，{ $due } 到期
form-title-reflect = { $date } { $weekday } 的总结和反思
prefill-today = 今天
prefill-tomorrow = 明天
prefill-now = 现在
prefill-dormant = 休眠
check-amount-positive = 订单金额必须大于零
check-future = 这是将来的时间
check-past = 这是过去的日子
check-incentive-needs-referrer = 先填是谁介绍的
form-title-correct-touch = 修改与 { $name } 的{ $kind }（联系 #{ $id }）
form-title-correct-order = 修改 { $name } 的订单（订单 #{ $id }）
form-title-correct-follow-up = 改期或修改与 { $name } 的跟进 #{ $id }
marks-mvc = 重点客户（MVC）
marks-mgc = MGC：增长空间最大
marks-bzc = BZC：花费多于收入
marks-class = { $class } 类
marks-suggests = 按营收应为{ $tier }

## 操作后状态栏上的话
status-also = {" "}另外{ $words }。
status-careful = {" "}注意：{ $warning }。
status-backup-failed = {" "}今天的备份没写成：{ $error }。
saved-order = 已记录 { $name } 的订单 { $amount }{ $customer }{ $earned }。
saved-order-customer = ，已成为客户
saved-order-earned = ；{ $referrer } 的奖励已达成，{ $due } 前兑现
saved-added = 已添加 { $name }。
saved-account = 已保存 { $name }。
saved-follow-up = 已安排 { $due } 的跟进。
saved-skipped = 已跳过与 { $name } 的跟进（关闭，未完成）。
saved-archived = 已归档 { $name }（{ $reason }）：不再排进每日计划；按 { $restore } 恢复。
saved-restored = 已恢复 { $name }。
saved-done = 已完成与 { $name } 的跟进。
saved-snoozed = 已把与 { $name } 的跟进推迟到 { $due }。
saved-grade = { $name } 现在是{ $stage }。
saved-delivered = 奖励已兑现。
saved-delivered-what = 奖励已兑现（{ $incentive }）。
saved-reflection = 已保存 { $date } 的总结。
removed-reflection = 已删除 { $date } 的总结。
saved-corrected-touch = 已修改与 { $name } 的{ $kind }。
saved-corrected-order = 已修改 { $name } 的订单：{ $amount }。
saved-corrected-follow-up = 与 { $name } 的跟进改到 { $due }。
deleted-touch = 已删除与 { $name } 的{ $kind }。
deleted-order = 已删除 { $name } 的订单 { $amount }。
deleted-follow-up = 已删除与 { $name } 的跟进。
undid = 已撤销：{ $what }。
archive-reason-lost = 流失
archive-reason-dormant = 休眠
also-closed = 关闭了跟进 { $list }
also-closed-outcome = #{ $id }（{ $outcome }）
also-closed-due = #{ $id }（{ $kind }，{ $due } 到期）
also-tried = 跟进 #{ $id } 仍未完成：没联系上（已试 { $times } 次），{ $due } 再联系
also-known-as = { $value } 也是 { $name }（#{ $id }）的：leadline merge { $id } { $new } 可以合并成一个
also-moved = 把跟进 #{ $id } 改到 { $due }：今天早些时候已经做过同样的承诺
also-referral = 安排了跟进 #{ $call }（{ $call_due } 前给 { $referee } 打电话）和 #{ $thank }（{ $thank_due } 前感谢 { $referrer }）
note-referred-by = 由 { $name } 介绍
note-thank = 感谢介绍 { $name }
note-deliver = { $name } 下单了：兑现{ $incentive }并告知
note-report-back = { $name } 下单了：告知对方
note-after = { $kind }之后
note-after-outcome = { $kind }（{ $outcome }）之后
sms-restraint = 近 { $days } 天发给 { $name } 的 { $count } 条短信都没回：改打电话或上门
info-discarded = 已放弃。
info-no-account = 还没有打开客户：在某一行按 Enter，或按 / 搜索。
info-no-follow-up = { $name } 没有待办跟进；记一次联系（l）就能重新计回访周期。
info-nothing-to-snooze = { $name } 没有可推迟的跟进；安排一个（f）到以后的日子。
info-select-first = 先选一个客户。
info-customer-grade = { $name } 已是客户；级别只用于潜在客户。
info-empty-timeline = { $name } 的时间线还是空的。
remove-touch = { $at } 的{ $kind }
remove-order = { $day } 的订单 { $amount }
remove-follow-up = { $due } 到期的跟进（{ $kind }）
remove-question = 删除与 { $name } 的{ $what }吗？
side-incentive = ，{ $incentive }（{ $status }）
stage-phrase-grade = { $grade } 级
stage-phrase-tier = { $tier }

## 操作记录（撤销时说的名字）
history-contacts-sync = 与 { $dir } 同步联系人：手机上补充了 { $filled } 个客户，新增 { $added } 个
history-calendar-sync = 与 { $dir } 同步日历：手机上改了 { $changes } 个跟进
history-log = 记录与 { $name }（#{ $id }）的{ $kind }
history-order = 记录 { $name }（#{ $id }）的订单 { $amount }
history-follow-up = 安排与 { $name } 的跟进 #{ $id }，{ $due }
history-done = 完成跟进 #{ $id }（{ $name }）
history-skip = 跳过跟进 #{ $id }（{ $name }）
history-snooze = 把跟进 #{ $id }（{ $name }）推迟到 { $due }
history-add = 添加 { $name }（#{ $id }）
history-edit = 编辑 { $name }（#{ $id }）
history-archive = 归档 { $name }（#{ $id }），{ $reason }
history-restore = 恢复 { $name }（#{ $id }）
history-reflect = 写 { $date } 的总结
history-unreflect = 删除 { $date } 的总结
history-refer = 转介绍 #{ $id }：{ $referrer } 介绍了 { $referee }
history-deliver = 兑现转介绍 #{ $id } 的奖励
history-amend-touch = 修改联系 #{ $id }（{ $name }）
history-amend-order = 修改订单 #{ $id }（{ $name }）
history-amend-follow-up = 修改跟进 #{ $id }（{ $name }），{ $due } 到期
history-remove-touch = 删除联系 #{ $id }（{ $name }）：{ $day } 的{ $kind }
history-remove-order = 删除订单 #{ $id }（{ $name }）：{ $day } 的 { $amount }
history-remove-follow-up = 删除跟进 #{ $id }（{ $name }），原定 { $due } 到期

## 命令行：today 和 plan
cli-today-title = 今天 { $day }：{ $counts }，另有 { $later } 个排后
cli-day-title = { $day }：{ $counts }
cli-day-planned = 计划 { $count } 个
cli-day-done = ，已完成 { $done }/{ $total }
cli-day-over = （超出容量：{ $promises } 个承诺，只有 { $slots } 个名额）
cli-day-slots = （承诺 { $promises } 个，重点与 MGC 名额 { $focus } 个）
cli-nothing-planned = 没有要做的了，干得好。
plan-short = 重点客户占今天工作量 { $share }（目标 { $target }）：{ $why }
plan-short-promises = 承诺的跟进占满了今天
plan-short-worked = 没有可提前的重点客户
cli-projection = 今天超出容量：之后几天的安排假定今天的计划全部完成。
cli-triaged = 已把 C、D 级潜在客户的 { $count } 个逾期承诺移到 { $to }；`leadline undo` 可以撤回
cli-triage-none = 没有逾期这么久的 C、D 级潜在客户的承诺：没有可移的。
cli-triage-title = C、D 级潜在客户的 { $count } 个逾期承诺可以推后：
cli-triage-hint = `leadline triage --snooze-to 日子` 一次全部移走（可以撤销）。
col-due = 到期
col-overdue = 逾期天数
cli-can-wait = 今天光承诺就排满了：C、D 级潜在客户的 { $count } 个逾期承诺可以推后（`leadline triage` 列出，`--snooze-to 日子` 移走）。
cli-late = 已过最后合适的日子：{ $list }。
cli-late-one = { $name }（应在 { $by } 前）
cli-later = 排后（{ $count } 个）：
cli-later-hint = 另有 { $count } 个已到期的排在接下来几天：`leadline plan` 看哪天，`today --all` 全部列出。
cli-all-have-a-day = 这几天到期的都排上了。
cli-beyond = 这几天还有 { $count } 个到期的排不下，要等到 { $day } 以后（`plan --days` 看更远）。
cli-done-mark = 已完成
col-follow-up = 跟进
col-planned = 排在
cli-logged = 已记录与 { $name }（#{ $id }）的{ $kind }，{ $at }
cli-logged-outcome = （{ $outcome }）
cli-logged-purpose = ，{ $purpose }
cli-logged-next = ；下一步：{ $due }{ $at } { $kind }（跟进 #{ $id }）
cli-logged-order = ；已记录订单 { $amount }
cli-recorded-order = 已记录 { $name }（#{ $id }）的订单 { $amount }
cli-order-customer = ；已成为客户
cli-order-restored = ；已从归档中恢复
cli-order-earned = ；{ $referrer } 的转介绍奖励已达成：{ $due } 前兑现（跟进 #{ $follow_up }，转介绍 #{ $referral }）
cli-follow-up = 跟进 #{ $id }：{ $name }（#{ $account }），{ $due }{ $at } { $kind }。
cli-follow-up-at = {" "}{ $time }
cli-archived = 已归档 { $name }（#{ $id }），{ $reason }；`leadline restore { $id }` 可恢复。
cli-restored = 已恢复 { $name }（#{ $id }），{ $stage }。
cli-grade = { $name }（#{ $id }）现在是 { $grade } 级。
cli-done = 已完成：与 { $name } 的跟进 #{ $id }（原定 { $due }）。
cli-skipped = 已跳过：与 { $name } 的跟进 #{ $id }（原定 { $due }）。
cli-snoozed = 已把与 { $name } 的跟进 #{ $id } 推迟到 { $due }（第 { $times } 次推迟）。
cli-undid = 已撤销：{ $what }
cli-saved-account = 已保存 { $name }（#{ $id }）。
cli-referred-by = 介绍人：{ $name }（#{ $id }）。
cli-also = 另外{ $words }。
cli-error = 出错：{ $error }
cli-warning = 注意：{ $warning }

## 命令行：客户
col-id = 编号
cli-accounts = { $count } 个客户
cli-no-match = 没有对得上的客户。
cli-archived-mark = { $name }（已归档）
card-company = 公司
card-tier = 等级
card-archived = 归档
card-80-20 = 二八
cli-tier-suggests = 按近 12 个月营收应为{ $tier }{ $pinned }
cli-tier-pinned = ；等级已锁定，不会变
cli-tier-apply = ；`leadline tiers --apply` 会调整
cli-archived-since = { $day } 起{ $reason }
cli-follow-ups = 跟进
cli-snoozed-times = ，推迟 { $times } 次
cli-referrals = 转介绍
cli-incentive = ，奖励 { $incentive }（{ $status }）
cli-referred-by-line = 由 { $name }（#{ $id }）介绍{ $incentive }
cli-referred-line = 介绍了 { $name }（#{ $id }）{ $incentive }
cli-timeline = 时间线（{ $touches } 次联系，{ $orders } 个订单；按编号用 `leadline amend` 或 `remove` 修改）
cli-nothing-yet = 还没有
cli-touch-id = （联系 #{ $id }）
cli-order-id = （订单 #{ $id }）
cli-order-line = 订单 { $amount }
cli-inbound = （对方主动）
follow-up-status-open = 待办
follow-up-status-done = 完成
follow-up-status-skipped = 跳过
follow-up-status-snoozed = 推迟
stage-kind-prospect = 潜在客户 { $grade }
stage-kind-customer = 客户 { $tier }
cli-reflections = 总结：

## 命令行：二八分析
cli-focus-more = {"  "}……另有 { $count } 个（focus --json 全部列出）
cli-focus-title = { $date } 的二八分析（近 12 个月的营收）
cli-focus-revenue = 营收
cli-focus-revenue-line = { $revenue }，来自 { $customers } 个客户
cli-focus-key = 重点客户
cli-focus-key-none = 还没有：近 12 个月没有客户有营收
cli-focus-key-line = { $customers } 个客户中的 { $key } 个带来 { $share } 的营收（按 { $cut } 划线：{ $threshold }）
cli-focus-abc-line = A 类 { $a } 个（{ $a_share }），B 类 { $b } 个（{ $b_share }），C 类 { $c } 个（{ $c_share }）的营收
cli-focus-effort = 近 { $days } 天的精力
cli-focus-effort-line = 重点客户 { $key }，B 类 { $b }，C 类 { $c }，潜在客户 { $prospects }（重点客户的目标 { $target }）
cli-focus-warning = 注意：{ $warning }。
cli-focus-mvc = 重点客户（MVC）
cli-focus-over-served = 服务过度：占你的精力多于占营收的客户
cli-focus-mgc = 增长空间最大（MGC）：潜在价值比营收高出 { $headroom } 以上
cli-focus-bzc = 亏本（BZC）：近 12 个月的服务成本高于营收
cli-focus-forecast = 预测：按各级成交概率加权的潜在价值
cli-focus-total = 合计
col-share = 占比
col-cumulative = 累计
col-effort = 精力
col-revenue = 营收
col-headroom = 增长空间
col-cost = 成本
col-net = 净额
col-grade = 级别
col-prospects = 潜在客户
col-chance = 概率
col-weighted = 加权
cli-tiers-match = 每个客户的等级都和近 12 个月的营收相符。
col-tier = 等级
col-suggested = 建议
cli-tiers-pinned-kept = 已锁定，不变
cli-tiers-kept = ；{ $count } 个锁定的等级不变
cli-tiers-nothing-moved = 没有调整：列出的客户等级都已锁定，锁定的不会变（`leadline edit ACCOUNT --tier TIER` 手动设定）。
cli-tiers-moved = 已把 { $count } 个客户调到营收建议的等级{ $kept }。`leadline undo` 可撤销。
cli-tiers-differ = { $count } 个客户的等级和营收建议的不同{ $kept }。`leadline tiers --apply` 调整没锁定的。
cli-config-from = # 设置来自 { $path }
cli-config-none-yet = # 还没有 { $path }：下面是默认值；存到那里再改
cli-config-no-dir = # 没有配置目录：下面是默认值
cli-config-region-locale = # [contacts] default_region = "{ $region }" 来自系统区域设置（{ $variable }）：不带国家代码的电话号码按 { $region } 的号码读；要改就在这里写另一个。
cli-config-region-default = # 没有设置 [contacts] default_region，系统区域设置也没说国家：不带国家代码的电话号码按 { $region } 的号码读；请在这里写上你的国家（如 default_region = "US"）。
cli-config-keys = # 终端界面的按键，按命令列出。在 [keys] 表里可以改，
    # 如 log_call = "C" 或 down = ["j", "n"]（Ctrl-x、Alt-x、Enter、Esc、Tab、PgDn、F2）。
cli-demo-created = 已在 { $dir } 创建演示数据（{ $counts }）。
cli-demo-filled = 已在 { $dir } 填好演示数据：{ $counts }。
cli-newest-backup = 最新的备份是 { $path }（{ $day }）：用 `leadline --store DIR import { $path }` 恢复到新的数据目录
cli-no-backup = { $dir } 里没有备份
cli-no-backup-salvage = { $dir } 里没有备份：`leadline export --salvage -o FILE` 保存数据里还有的，{ $keep }
cli-or-keep = { $advice }，或者{ $keep }
cli-error-advice = { $error }。{ $advice }
review-missed-follow-up = { $name }（#{ $id }）
cli-keep-as-is = `leadline doctor --repair` 保持数据原样
cli-bad-lang = --lang '{ $given }'：Leadline 只会 en 和 zh-CN
counts = { $accounts } 个客户、{ $touches } 次联系、{ $orders } 个订单、{ $follow_ups } 个跟进、{ $referrals } 次转介绍
cli-referral = 转介绍 #{ $id }：{ $by } 介绍了 { $to }。{ $contact } 前联系 { $to }；{ $thank } 前感谢 { $by }。
cli-delivered = 转介绍 #{ $id } 的奖励已兑现{ $what }。
cli-no-referrals = 还没有转介绍。`leadline refer REFERRER REFEREE` 记录一次。
col-date = 日期
col-referrer = 介绍人
col-referee = 被介绍人
col-converted = 成交
referee-stage-prospect = 潜在客户
referee-stage-customer = 客户
referee-stage-archived = 已归档
cli-amended-touch = 已修改与 { $name } 的联系 #{ $id }：{ $at } { $kind }{ $outcome }
cli-amended-order = 已修改 { $name } 的订单 #{ $id }：{ $day } { $amount }
cli-amended-follow-up = 已修改与 { $name } 的跟进 #{ $id }：{ $due } { $kind }（改期不算推迟）
cli-amended = { $line }。`leadline undo` 可撤销。
cli-removed-touch = 已删除与 { $name } 的联系 #{ $id }：{ $at } { $kind }
cli-removed-order = 已删除 { $name } 的订单 #{ $id }：{ $day } { $amount }
cli-removed-follow-up = 已删除与 { $name } 的跟进 #{ $id }：{ $due } { $kind }
cli-removed = { $line }。`leadline undo` 可恢复。
cli-wrote = 已写入 { $path }（{ $counts }）。
cli-wrote-calendar = 已写入 { $path }（{ $open } 个待办跟进，{ $closed } 个最近关闭的以取消发送）。
cli-backups-in = 备份在 { $dir }：{ $policy }。
cli-none-yet = 还没有。
cli-restore-one = 恢复到新的数据目录：leadline --store DIR import FILE
cli-rebuilt = 已重建派生数据（写入 { $written } 个键）并压缩了数据。
cli-problem = 问题：{ $problem }
cli-restore-backup = { $dry ->
    [yes] 将从 { $label } 恢复 { $counts }。
   *[no] 已从 { $label } 恢复 { $counts }。
}
cli-import-rows = { $cards ->
    [yes] { $count } 张名片
   *[no] { $count } 行
}
cli-import-blocked = 出错：{ $label } 里有 { $rejected } 不对；什么都没导入（改好后再导，或用 --skip-invalid 只导入有效的 { $valid }）
cli-import-line = 第 { $line } 行：{ $message }
cli-import-rejected = 拒绝：{ $message }
cli-imported = { $dry ->
    [yes] 将从 { $label }（{ $encoding }）导入 { $count } 个客户；跳过 { $duplicates } 个重复{ $filled ->
        [0] {""}
       *[other] （其中 { $filled } 个将补全已有客户缺的信息）
    }，拒绝 { $rejected }。
   *[no] 已从 { $label }（{ $encoding }）导入 { $count } 个客户；跳过 { $duplicates } 个重复{ $filled ->
        [0] {""}
       *[other] （其中 { $filled } 个补全了已有客户缺的信息）
    }，拒绝 { $rejected }。
}
cli-checked = 检查了 { $records } 条记录（{ $accounts } 个客户）：{ $problems ->
    [0] 一切正常
   *[other] { $problems } 个问题
}。
kind-reason = { $kind }（{ $reason }）
note-after-colon = ：{ $note }

## 应用自己说明的错误
error-greeting = “{ $given }”不是要问候的节日或日子：可用 { $known }
error-undo-too-old = 下一个要撤销的操作（“{ $what }”，{ $at }）太早了，撤销记录已经不保留
error-in-future = { $what } { $at } 是将来的时间
error-in-past = { $what } { $day } 已经过去了
what-touch-time = 联系时间
what-order-date = 订单日期
what-next-step = 下一步
what-follow-up-date = 跟进日期
what-snooze-date = 推迟到的日子
error-outcome-fit = 结果“{ $outcome }”不适用于{ $kind }；它适用于：{ $kinds }
error-next-auto = --next auto 需要一个结果，才能建议下一步的日子
error-won-needs-amount = 成交要写金额，否则收入和客户分级都漏掉这笔：leadline log { $kind } { $account } --outcome won --amount 12000
error-amount-not-won = --amount 是成交的金额：要和 --outcome won 一起用（或者用 leadline order 记订单）
also-wrong-number = { $phone } 标记为错号：改正之前计划不再用它
also-lowered = 降为 { $grade } 级
cli-wrong-number-hint = 改正号码：leadline edit { $id } --phone 新号码
cli-declined-hint = 要降级：leadline edit { $id } --grade { $grade }（或者记录时加 --lower）
error-triage-today = 可以推后的承诺要移到今天以后的日子
error-triage-nothing = 没有逾期这么久的 C、D 级潜在客户的承诺：没有可移的
history-triage = 把 C、D 级潜在客户的 { $count } 个逾期承诺移到 { $to }
error-next-meeting = 约好见面要写日子：--next '下周三 15:00'（或日期 { $date }）
error-amount-zero = 订单金额必须大于零
error-follow-up-closed = 跟进 { $id }（{ $name }）已经{ $status }
error-snooze-earlier = 推迟只能往后推，与 { $name } 的跟进 #{ $id } 在 { $due } 到期；要提前就改期（不算推迟）：leadline amend follow-up { $id } --on { $to }
error-prospect-tier = { $name } 还是潜在客户；第一笔订单后才有等级
error-customer-grade = { $name } 已是客户（{ $tier }）；级别只用于潜在客户
error-already-grade = { $name } 已经是 { $grade } 级
error-already-archived = { $name } 已在 { $day } 归档（{ $reason }）
error-not-archived = { $name } 没有归档
error-refer-self = 客户不能介绍自己
error-already-referred = { $name } 已经有介绍人了；每个客户只有一个介绍人
error-not-earned = 转介绍 { $id } 的奖励还没达成：{ $name } 还没下单
error-already-delivered = 转介绍 { $id } 的奖励已经兑现过了
error-referral-follow-up = 跟进 { $id } 属于一次转介绍；请跳过它（leadline skip { $id }）
error-account-empty = 没填客户：请给编号、名字或搜索词
error-phone-digits = “{ $text }”：电话号码至少要 { $digits } 位
error-no-touch = 没有联系 #{ $id }
error-no-order = 没有订单 #{ $id }
error-reflect-future = { $date } 还没到：只能总结今天或以前的日子
error-review-future = { $date } 还没到；只能复盘今天或以前的日子
error-plan-days = --days { $days }：只能排 1 到 { $max } 天

## 日历导出
ics-title = { $kind } { $name }
ics-title-company = { $kind } { $name }（{ $company }）
ics-description = { $reason }跟进
ics-snoozed = 已推迟 { $times } 次
ics-calendar = Leadline 跟进
cli-reflection-saved = { $date } 的总结已保存。
cli-reflection-removed = { $date } 的总结已删除。
cli-wrote-csv = 已写入 { $path }（{ $count } 个客户）。
md-row = - { $done }**{ $name }**（#{ $id }）{ $phone }：{ $how }，{ $why }
ics-phone = 电话：{ $phone }
cli-vdir-needs-dir = --format vdir 写的是一个目录：请用 -o DIR 给出
cli-wrote-vdir = { $dir }：{ $count } 个跟进（新增 { $added } 个，修改 { $changed } 个，删除 { $removed } 个）。
cli-import-columns = 各列（用 `--map '列名=字段'` 改）：
cli-import-left-out = 不导入
cli-dupes-none = { $count } 个客户里没有疑似重复的。
cli-dupes-head = { $groups } 组疑似重复：
cli-dupes-hint = 用 `leadline merge 保留的 另一个` 把两个合成一个（先加 `--dry-run` 看结果；`leadline undo` 可以撤销合并）。
dupes-phone = 电话相同 { $value }
dupes-email = 邮箱相同 { $value }
dupes-name-and-company = 名字相同：{ $value }
dupes-sounds-alike = 名字读音相同（{ $value }）
cli-merged = 已把 { $gone }（#{ $gone_id }）合并到 { $keep }（#{ $keep_id }），移过来：{ $moved }。`leadline undo` 可以撤销。
cli-merge-would = 将把 { $gone }（#{ $gone_id }）合并到 { $keep }（#{ $keep_id }）（移过来：{ $moved }），结果是：
merge-touches = { $count } 次联系
merge-orders = { $count } 笔订单
merge-follow-ups = { $count } 个跟进
merge-referrals = { $count } 个转介绍
merge-nothing = 没有记录
merge-and = { $list }和 { $last }
history-merge = 把 { $gone }（#{ $gone_id }）合并到 { $keep }（#{ $keep_id }）
error-merge-same = 一个客户不能和自己合并
error-merge-notes = 两个备注加起来超过 { $max } 个字：先删短一个
error-merge-referred = { $referrer } 介绍了 { $referee }：这是两个人，不是一个
dupes-line = { $what }：{ $ids }
import-follow-up-note = 来自 { $file } 的下一步
cli-no-bom-needs-csv = --no-bom 只用于 CSV：和 --format csv 一起用
cli-layout-needs-csv = --layout google 是 CSV 的格式：和 --format csv 一起用
import-row-of-line = { $name }（第 { $line } 行）
import-skipped-phone = 跳过 { $name }：{ $other }已有这个电话
import-skipped-email = 跳过 { $name }：{ $other }已有这个邮箱
import-filled-in = ；补全了{ $fields }
import-kept-in-note = { $name }：不是有效的号码或地址，已放进备注：{ $what }

## recover
cli-recovered = 已恢复到 { $dir }：{ $counts }。
    { $base }，再加上操作日志里的 { $changes } 次修改（{ $operations } 个操作）。
    用 `leadline --store { $dir }` 打开它，或者用它替换损坏的数据目录。
cli-recover-base = 来自备份 { $path }（包含到第 { $covers } 次修改）
cli-recover-no-base = 没有可用的备份（都读不了）
cli-recover-no-backup-yet = 没有备份（还没有写过：操作日志从头记录了整本账）
cli-recover-backup-unreadable = 备份 { $path } 读不了（{ $reason }），改用更早的一份
cli-recover-torn-tail = 注意：操作日志的最后一行（{ $path } 第 { $line } 行）在进程结束时只写了一半；这次修改从未报告保存，已略过
cli-recover-line-unreadable = { $path } 第 { $line } 行读不了（{ $reason }）：这次修改丢失了
cli-recover-refused = { $what }：未恢复
cli-recover-gap = 第 { $first } 到第 { $last } 次修改既不在可读的备份里，也不在操作日志里：已丢失
cli-damaged = 有 { $count } 条记录读不了：`leadline recover --to NEW_DIR` 会用最新的备份和操作日志建一个完整的数据目录
status-damaged = 有 { $count } 条记录读不了：退出后运行 `leadline recover --to NEW_DIR`
cli-recover-advice = `leadline recover --to NEW_DIR` 会用最新的备份和其后每次修改的操作日志建一个新的数据目录
cli-doctor-advice = `leadline doctor --repair` 会重建由记录算出的部分（索引、合计）；读不了的记录可以用 `leadline recover --to NEW_DIR` 找回（最新的备份加上其后的操作日志）
cli-doubtful-phones = { $count } 个号码未能按{ $region }号码识别，拨打和比对都按原样：国外号码请写上国家代码（如 +1 650 555 1212），座机请写上区号：
cli-dupes-doubtful = { $count } 个号码未能按{ $region }号码识别，按原样的数字比对：同一号码写了国家代码时找不出来。
cli-unreadable-skipped = 跳过了 { $count } 条读不了的记录；请运行 `leadline doctor`
cli-export-unreadable = 数据里有 { $count } 条记录读不了也恢复不了（第一条：{ $first }），所以什么都没写；`leadline export --salvage -o FILE` 会写出其余所有记录
cli-not-in-backup = 没进备份：{ $problem }
cli-calendar-moved = 手机上改了时间：#{ $id } { $name }，{ $from } → { $to }{ $snoozed ->
    [yes] （算作推迟）
   *[other] {""}
}
cli-calendar-done = 手机上已完成（日程在手机上删除或取消）：#{ $id } { $name }，原定 { $due }
cli-calendar-added = 手机上新建：#{ $id } { $name }，{ $due }（“{ $title }”）
cli-calendar-conflict = 上次同步后这里和手机上都改了：#{ $id } { $name }：保留 Leadline 的跟进并写回
cli-calendar-unmatched = 没有变成跟进：{ $file }“{ $title }”{ $count ->
    [0] 标题里没有客户的名字或电话
   *[other] 可能是 { $candidates }：请在标题里写上某一个客户的名字或电话
}
cli-calendar-synced = { $dry ->
    [yes] 将与
   *[other] 已与
} { $dir } 同步跟进{ $first ->
    [yes] （第一次：写入 Leadline 的日程，读取别处新建的日程）
   *[other] {""}
}：{ $changes ->
    [0] 手机上没有改动
   *[other] 手机上改了 { $changes } 处（算一次修改：`leadline undo` 可以撤销）
}{ $conflicts ->
    [0] {""}
   *[other] ，{ $conflicts } 处冲突
}；写入 { $written } 个文件，删除 { $removed } 个。
cli-contacts-filled = 手机上补充：#{ $id } { $name }：{ $what }
cli-contacts-in-note = { $email }（已有邮箱，记在备注里）
cli-contacts-linked = 手机上新建的名片 { $file } 有 #{ $id } { $name } 的电话或邮箱：现在是这个客户的名片，按 Leadline 的资料写入
cli-contacts-conflict = 上次同步后这里和手机上都改了：#{ $id } { $name }（{ $field }）：保留 Leadline 的并写回
cli-contacts-deleted = 手机上删除了：#{ $id } { $name }：已写回（把客户归档才会从手机上去掉）
cli-contacts-new-card = 手机上新建：{ $file } { $name } { $phones }：{ $state ->
    [added] 已添加为 { $other }
    [same] 和 { $other } 的电话或邮箱相同，它的名片已在：不动
   *[other] 还不是客户（加 `--add-new` 添加新名片）
}
cli-contacts-synced = { $dry ->
    [yes] 将与
   *[other] 已与
} { $dir } 同步客户{ $first ->
    [yes] （第一次）
   *[other] {""}
}：手机上补充了 { $filled } 个客户，{ $linked } 个关联到手机上新建的名片，新增 { $added } 个，{ $waiting } 张新名片待添加{ $conflicts ->
    [0] {""}
   *[other] ，{ $conflicts } 处冲突
}；写入 { $written } 张名片，删除 { $removed } 张。
cli-man-written = 已把 { $count } 个手册页写进 { $dir }：目录在 MANPATH 上时（~/.local/share/man 就在）用 `man leadline` 阅读
error-sync-no-url = 没有团队数据库：请在设置里填 [sync] url（PostgreSQL 连接串，如 postgres://admin@db.example.com/leadline），或用 --url 指定
error-sync-bad-url = “{ $url }”不是 PostgreSQL 连接串：{ $reason }
error-sync-bad-role = “{ $role }”不是角色名：请用字母、数字和下划线，以字母开头
error-sync-newer-schema = 它的 Leadline 结构版本是 { $found }，比本机 Leadline 的 { $known } 新：请升级 Leadline
error-sync-tls = 无法建立 TLS：{ $reason }
error-sync-server = 团队数据库：{ $reason }
error-sync-older-schema = 它的 Leadline 结构版本是 { $found }，比本机 Leadline 的 { $known } 旧：请数据库管理员运行 `leadline sync init` 升级
error-sync-no-schema = 这个数据库还没有 Leadline 的结构：请数据库管理员用 `leadline sync init` 建立
error-sync-malformed = 服务器发来的一项修改无法读取（{ $reason }）
error-sync-store = 数据目录：{ $reason }
history-sync = 同步：来自 { $devices }
sync-referrer-note = 另一台设备上记的介绍人：{ $name }
sync-count-touches = { $count } 次联系
sync-count-orders = { $count } 笔订单
sync-count-follow-ups = { $count } 个跟进
sync-count-referrals = { $count } 个介绍
sync-count-accounts = { $count } 个客户有改动
sync-count-other = 其他改动 { $count } 项
sync-list-separator = {"，"}
cli-sync-sent = 已向 { $book } 发送{ $count ->
    [0] {""}（没有要发送的）
   *[other] {" "}{ $count } 项修改
}，本机名为 { $device }。
cli-sync-from = 来自 { $device }：{ $what }。
cli-sync-nothing-came = 没有收到新的修改。
cli-sync-settled = { $account } 在两台设备上各记了一个介绍人：保留 { $kept }，{ $dropped } 记在备注里。
cli-sync-refused = 未能应用：{ $what }
history-handover = 移交：{ $name } 交给 { $rep }
history-handover-in = 移交：{ $name } 来自 { $from }
cli-handover = 已把 { $name } 移交给 { $rep }（对方的资料 { $book }），连同 { $touches } 次联系、{ $orders } 笔订单和 { $follow_ups } 个跟进；对方下次同步时收到。
cli-team-none = 团队服务器上还没有任何资料。
cli-team-rep = { $owner }（资料 { $book }）
cli-team-plan = 近 7 天计划完成：{ $planned ->
    [0] 没有保存的计划
   *[other] { $planned } 行中完成 { $done } 行（{ $percent }%）
}；连续完成 { $streak } 天
cli-team-key-overdue = 超过联系周期的重点客户：{ $names }
cli-team-key-overdue-none = 超过联系周期的重点客户：无
cli-team-pipeline = 潜在客户：{ $grades }；客户：{ $tiers }
cli-team-revenue = 近 12 个月营收：{ $now }（之前 12 个月：{ $before }）
cli-team-incentives = 应兑现的转介绍奖励：{ $count }
team-md-title = # 团队，{ $date }
team-md-header = | 销售 | 资料 | 近 7 天计划完成 | 连续天数 | 超过周期的重点客户 | 潜在客户 | 客户 | 近 12 个月营收 | 之前 12 个月 | 应兑现奖励 |
error-sync-offline = 连不上团队数据库（{ $reason }）：离线时一切照常，联网后再同步
cli-sync-status = 与 { $url } 同步：{ $pending ->
    [0] 没有要发送的修改
   *[other] 有 { $pending } 项修改待发送
}；{ $last }
cli-sync-status-never = 还没有同步过
cli-sync-status-at = 上次同步于 { $at }
cli-sync-status-failed = 上次同步（{ $at }）失败：{ $error }
cli-sync-status-off = 还没有设置同步：请在设置里填 [sync] url（见 docs/SYNC.md）。
status-sync-synced = 已同步
status-sync-pending = { $count } 项待发送
status-sync-running = 正在同步…
status-sync-offline = 离线
status-sync-failed = 同步失败：运行 `leadline sync` 查看原因
cli-sync-init = 团队数据库的结构版本是 { $now }{ $was ->
    [0] （新建）
   *[other] （原来是 { $was }）
}{ $reps ->
    [none] {""}
   *[other] ；销售：{ $reps }
}{ $managers ->
    [none] {""}
   *[other] ；经理：{ $managers }
}。
cli-after-saving = 修改已保存；之后整理数据目录失败（{ $error }）：下次大批修改或 `leadline doctor --repair` 时会再整理
error-referral-self = 介绍 #{ $id } 里客户介绍了自己
error-referral-second = { $name } 会有不止一个介绍人（介绍 { $referrals }）；每个客户只有一个介绍人
error-referral-cycle = { $names } 会互相介绍成一个圈；介绍不能绕回到介绍人
error-merge-referrals = 这两个客户不能合并：{ $problem }（`leadline referrals` 列出这些介绍）
error-merge-two-referrers = 两个客户都有介绍人（{ $keep_referrer }，介绍 #{ $keep_referral }；{ $gone_referrer }，介绍 #{ $gone_referral }），而每个客户只有一个介绍人：用 `--keep-referral ID` 指定保留哪一个
note-referral-dropped = 也曾由 { $referrer } 介绍（介绍 #{ $id }{ $incentive }），合并时去掉
note-referral-incentive = ，奖励：{ $incentive }
cli-vdir-not-a-dir = { $path } 是一个文件：vdir 是一个目录，每个跟进一个 .ics 文件；请给一个目录（新的，或日历工具同步的那个）
error-nothing-to-amend = { $what } #{ $id } 没有要改的：请说明改什么（`leadline amend { $what } --help` 列出可以改的）
cli-salvage-json-only = --salvage 写出能读的部分作为备份：只能和 --format json 一起用
import-utf32 = { $file } 是 UTF-32 编码，Leadline 读不了：请另存为 UTF-8（或 UTF-16）再导入；什么都没有导入
import-doubtful-encoding = { $file }：分不清它的编码，按 { $guess } 和 { $also } 都能读；请用 --encoding 指定（例如 --encoding { $guess }）；什么都没有导入
import-no-cards = { $file } 里没有名片（没有 BEGIN:VCARD 行）；什么都没有导入

# 句子里的客户等级。
tier-keyword-vip = VIP
tier-keyword-large = 大客户
tier-keyword-medium = 中客户
tier-keyword-small = 小客户
# 80/20 报告表格里的阶段。
focus-stage-prospect = { $grade } 级
focus-stage-customer = { $tier }
focus-stage-archived = 已归档

# 历史：撤销、已撤销的修改、导入、按营收调整等级。
history-undo = 撤销：{ $summary }
history-undone = （已撤销）
history-import-backup = 导入 { $label }：{ $counts }
history-import-contacts = 从 { $label } 导入 { $count } 个客户
history-import-filled = 用 { $label } 补全 { $count } 个客户
history-tiers = 按营收调整了 { $count } 个客户的等级
history-demo-label = 演示数据（种子 { $seed }）
# `leadline backups`。
cli-backups-policy = 每天第一次修改后、导入和修复之前各写一份；保留最近 { $daily } 天的，另外 { $weekly } 周里每周留一份
cli-backups-off = 已关闭（[backup] enabled = false）
col-backup-day = 日期
col-backup-written = 写入时间
col-backup-size = 大小
col-backup-file = 文件
size-mb = { $size } MB
phones-reread = 电话号码的地区现在是 { $to }（原来是 { $from }）：不带国家代码的号码已重新读过，{ $changed } 个客户的号码有变化。
import-region-doubt = 不带国家代码的 { $national } 个电话号码里，{ $misfits } 个不符合 { $region } 的号码规则，{ $north } 个看起来像北美号码：它们都按 { $region } 的号码读（[contacts] default_region = "{ $region }"）。{ $suggest ->
    [none] 请在设置里把 default_region 改成它们的国家（`leadline config` 会告诉你设置在哪），Leadline 会重新读这些号码。
   *[other] 如果它们是 { $suggest } 的号码，请在设置里写 default_region = "{ $suggest }"（`leadline config` 会告诉你设置在哪），Leadline 会重新读这些号码。
}
import-kept-phone = 电话
import-kept-email = 邮箱
import-kept-birthday = 生日
import-kept-anniversary = 纪念日
import-kept-nickname = 昵称
import-kept-website = 网址
import-kept-address = 地址
import-kept-date = 日期
import-kept-related = 相关人
cli-import-kept-in-notes = { $count } 个没有对应字段的内容（第二个邮箱、昵称、网址、其他地址、日期、相关人）{ $dry ->
    [yes] 会
   *[other] 已
}保存在客户备注里。
cli-unknown-encoding = 不认识的编码“{ $name }”：请用 UTF-8、GB18030、GBK、Big5、Shift_JIS 或 windows-1252 这样的名字
import-kept-potential = 潜在价值
import-kept-follow-up = 跟进
import-kept-last-touch = 上次联系
import-note-line = { $what }：{ $value }
import-kept-value = { $what }“{ $value }”
