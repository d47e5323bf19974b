# Leadline 的中文界面用语。每条都与 en-US/leadline.ftl 一一对应（有测试检查）。

## 标签栏：各页面的标题，窄终端用短标题。
tab-today = 今日
tab-pipeline = 潜在客户
tab-customers = 客户
tab-account = 客户详情
tab-referrals = 转介绍
tab-review = 复盘
tab-focus = 二八分析
tab-short-today = 今日
tab-short-pipeline = 潜客
tab-short-customers = 客户
tab-short-account = 详情
tab-short-referrals = 转介
tab-short-review = 复盘
tab-short-focus = 二八

## 框架
loading-book = 正在载入客户资料…
terminal-too-small = 终端太小：{ $width }x{ $height }，Leadline 至少需要 { $min_width }x{ $min_height }。
help-title = { $screen } 的按键（{ $close } 关闭）

## 今日：当天的计划
today-planned = 计划 { $count } 个
today-done = 已完成 { $done }/{ $total }
today-later = 另有 { $count } 个排后
today-slots = 承诺 { $promised } 个，重点与潜力客户 { $focus } 个
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
reason-key-account = 重点客户
reason-big-potential = 潜力大
reason-sms-fatigue = { $count } 条短信未回：改打电话或上门
reason-join = ；
done-touch = 已完成：{ $time } { $kind }
done-closed = 已完成：跟进已关闭
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
log-when = 时间
log-lesson-hint = 可选：这次联系学到了什么
log-guide = 先写备注。{ $next } 依次到心得、时间（now、yesterday 18:30、-2h），再到上面几行，按一个键就能选；
log-guide-picks = 在文字栏里，Alt+字母选结果，Alt+数字选下一步。{ $toggle }：对方主动联系。
log-guide-picks-kind = 在文字栏里，Alt+字母选结果和种类，Alt+数字选下一步。{ $toggle }：对方主动联系。
form-save = 保存
form-save-valid = 保存（每栏都填对时）
form-next-field = 下一栏
form-cancel = 取消

## 状态栏
saved-touch = 已记录与 { $name } 的{ $kind }{ $outcome }{ $next }。
saved-outcome = （{ $outcome }）
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
