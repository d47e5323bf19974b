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
