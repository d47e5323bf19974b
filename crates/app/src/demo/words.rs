//! The words a demo book is written in: names, companies, tags, and notes
//! that fit what happened (a visit's note is not "no answer"), in the
//! rep's language.

use crate::domain::{FollowUpReason, Outcome, TouchKind};
use crate::i18n::Lang;

pub const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何",
    "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "韩", "曹", "许", "邓", "冯", "曾", "彭", "吕", "单",
    "蒋", "魏",
];
pub const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "国庆", "春梅", "文", "斌", "红", "玉兰",
    "晓东", "建国",
];
/// Given names of an English book's contacts: the Midwest's, and Europe's.
pub const WESTERN_GIVEN: &[&str] = &[
    "Dale", "Lowell", "Karen", "Brenda", "Gary", "Randy", "Linda", "Sharon", "Mark", "Steve", "Jim", "Deb",
    "Kurt", "Janet", "Doug", "Shelby", "Travis", "Megan", "Wyatt", "Colleen", "Anna", "Lukas", "Maria",
    "Sophie", "Daniel", "Laura", "Emma", "Paul", "Olivia", "James", "Chloé", "Mateo", "Ingrid", "Hannah",
];
/// Family names, some with the particles the name rules keep ("Vander
/// Wal" is one family name).
pub const WESTERN_FAMILY: &[&str] = &[
    "Vander Wal",
    "Van Roekel",
    "De Vries",
    "O'Brien",
    "McAllister",
    "Miller",
    "Johnson",
    "Peterson",
    "Hansen",
    "Olson",
    "Nelson",
    "Anderson",
    "Larson",
    "Meyer",
    "Kruse",
    "Schmidt",
    "Müller",
    "Weber",
    "Fischer",
    "Becker",
    "Smith",
    "Brown",
    "García",
    "Martin",
    "Rossi",
    "Novak",
    "Jensen",
    "Silva",
    "Dubois",
    "Kowalski",
    "von Holt",
];
pub const REGIONS: &[&str] =
    &["绿源", "丰收", "金穗", "沃土", "禾丰", "田园", "万家", "康农", "润田", "惠农", "鑫达", "春雨"];
pub const TRADES: &[&str] = &["农资", "种业", "化肥", "农机", "植保", "农业科技", "饲料"];
pub const SUFFIXES: &[&str] = &["有限公司", "合作社", "经营部", "家庭农场", "贸易有限公司"];
/// Farms and dealers of a North American book.
pub const AMERICAN_COMPANIES: &[&str] = &[
    "Hawkeye Ag Supply",
    "Prairie Seed Co.",
    "Cedar Valley Co-op",
    "Raccoon River Farms",
    "Loess Hills Grain",
    "Heartland Feed & Seed",
    "Skunk River Ag",
    "North Star Implement",
    "Twin Oaks Dairy",
    "Sunrise Orchards",
];
/// Farms and dealers elsewhere.
pub const EUROPEAN_COMPANIES: &[&str] = &[
    "Contoso Agrar",
    "Fabrikam Seeds",
    "Northwind Feed",
    "Green Valley Farms",
    "Tailspin Tractors",
    "Alpine Dairy Coop",
    "Sunfield Growers",
    "Litware Irrigation",
];

/// A competitor of the demo book and the answers reps give about it.
pub struct Rival {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub strength: &'static [&'static str],
    pub offer: &'static [&'static str],
    pub floor: &'static [&'static str],
    pub weakness: &'static [&'static str],
    pub edge: &'static [&'static str],
    /// Their price range in major units (a ton of fertiliser, a bag of
    /// seed, a bottle of pesticide).
    pub price: (i64, i64),
    pub credit_days: &'static [u32],
}

/// The free text of a demo book in one language.
pub struct Words {
    pub lang: Lang,
    /// Chinese names (a Chinese book) or Western ones (an English book).
    pub chinese_names: bool,
    pub tags: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub incentives: &'static [&'static str],
    /// The competitors a farm-supply rep meets, with what reps say of them.
    pub rivals: &'static [Rival],
    pub lessons: &'static [&'static str],
    pub reflections: &'static [&'static str],
}

impl Words {
    /// English: Western names, written in English; Chinese: a Chinese
    /// book.
    pub fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                lang,
                chinese_names: false,
                tags: &[
                    "farm",
                    "dealer",
                    "co-op",
                    "large grower",
                    "orchard",
                    "livestock",
                    "organic",
                    "trade fair",
                ],
                sources: &["trade fair", "referral", "cold call", "website"],
                incentives: &[
                    "10% off the next order",
                    "a gift card",
                    "a bag of seed",
                    "5% commission",
                    "one free delivery",
                ],
                rivals: &[
                    Rival {
                        name: "AgriCorp",
                        aliases: &["Agri Corp"],
                        strength: &["national brand", "national brand, two depots in the state"],
                        offer: &["$30 a ton under our price", "60-day credit on fertilizer"],
                        floor: &["$505 a ton on a full truckload", "will match any quote in writing"],
                        weakness: &["slow deliveries in spring", "poor after-sales service"],
                        edge: &["price", "credit terms"],
                        price: (505, 545),
                        credit_days: &[30, 60],
                    },
                    Rival {
                        name: "GreenField Seeds",
                        aliases: &["GreenField"],
                        strength: &["strong corn hybrids", "big ad budget"],
                        offer: &["early-order discount of 5%", "free seed treatment"],
                        floor: &["8% off on 200 units or more"],
                        weakness: &["no agronomist in the area", "late deliveries"],
                        edge: &["brand the growers know", "yield trials in the county"],
                        price: (265, 300),
                        credit_days: &[30],
                    },
                    Rival {
                        name: "CropShield",
                        aliases: &["Crop Shield"],
                        strength: &["full pesticide line"],
                        offer: &["a free sprayer calibration", "volume rebates at season's end"],
                        floor: &["10% rebate, never more"],
                        weakness: &["pushes products the farm does not need", "slow to answer the phone"],
                        edge: &["field days every spring"],
                        price: (38, 46),
                        credit_days: &[30, 45],
                    },
                    Rival {
                        name: "Heartland Farm Supply",
                        aliases: &["Heartland"],
                        strength: &["the dealer in the next county for 20 years"],
                        offer: &["delivery the same day", "a friend of the family"],
                        floor: &["no discounts, sells on service"],
                        weakness: &["small stock", "prices above ours"],
                        edge: &["relationship with the owner", "delivery the same day"],
                        price: (540, 575),
                        credit_days: &[15, 30],
                    },
                ],
                lessons: &[
                    "the owner is in before 9, in the fields after",
                    "talk service before price",
                    "bringing samples beats calling",
                    "ask for the referral right after the order",
                ],
                reflections: &[
                    "Calls reached people in the morning; visit the big customers in the afternoon. Tomorrow: chase the three quotes first.",
                    "Two VIP visits went well; I spent too long on small accounts after lunch. Tomorrow: key accounts first.",
                    "Everyone is stocking up before spring planting: push the quotes. Fewer texts, more calls.",
                ],
            },
            Lang::ZhCn => Words {
                lang,
                chinese_names: true,
                tags: &["农场", "经销商", "合作社", "种植大户", "果园", "养殖", "绿色种植", "展会"],
                sources: &["展会", "转介绍", "电话陌拜", "网站"],
                incentives: &["下单九折", "礼品卡 200 元", "一袋种子", "返点 5%", "免费送货一次"],
                rivals: &[
                    Rival {
                        name: "丰农化肥",
                        aliases: &["丰农", "Fengnong"],
                        strength: &["全国品牌", "全国品牌，县里有两个仓库"],
                        offer: &["每吨比我们便宜一百", "化肥给 60 天账期"],
                        floor: &["整车最低 2650 一吨", "书面报价都肯跟"],
                        weakness: &["春耕送货慢", "售后差"],
                        edge: &["价格低", "账期长"],
                        price: (2650, 2850),
                        credit_days: &[30, 60],
                    },
                    Rival {
                        name: "金穗种业",
                        aliases: &["金穗"],
                        strength: &["玉米品种好", "广告多"],
                        offer: &["提前订货打九五折", "免费拌种"],
                        floor: &["200 袋以上最多九二折"],
                        weakness: &["本地没有农技员", "到货晚"],
                        edge: &["农户认品牌", "县里有示范田"],
                        price: (45, 58),
                        credit_days: &[30],
                    },
                    Rival {
                        name: "绿盾植保",
                        aliases: &["绿盾"],
                        strength: &["农药品种全"],
                        offer: &["免费校准喷雾器", "季末按量返利"],
                        floor: &["返利最多一成"],
                        weakness: &["乱推用不上的药", "电话常打不通"],
                        edge: &["每年春天开观摩会"],
                        price: (38, 46),
                        credit_days: &[30, 45],
                    },
                    Rival {
                        name: "邻县农资站",
                        aliases: &["农资站"],
                        strength: &["在邻县做了二十年"],
                        offer: &["当天送货", "跟老板是亲戚"],
                        floor: &["不降价，靠服务"],
                        weakness: &["库存少", "价格比我们高"],
                        edge: &["跟老板关系好", "当天送货"],
                        price: (2800, 2950),
                        credit_days: &[15, 30],
                    },
                ],
                lessons: &[
                    "老板上午在,下午去田里",
                    "先谈服务再谈价格",
                    "带样品去比打电话管用",
                    "成交后马上请他介绍朋友",
                ],
                reflections: &[
                    "上午打电话接通率高;下午多跑大客户。明天先回访报价的三家。",
                    "两个大客户拜访得不错;午饭后在小客户上花的时间太多。明天先做重点客户。",
                    "春耕前大家都在备货,抓紧催报价。少发短信,多打电话。",
                ],
            },
        }
    }

    /// Notes that fit a touch of this kind with this outcome; an empty one
    /// (most touches have none) is among them.
    pub fn notes(&self, kind: TouchKind, outcome: Option<Outcome>) -> &'static [&'static str] {
        use Outcome::*;
        use TouchKind::*;
        let zh = self.lang == Lang::ZhCn;
        let pick = |en: &'static [&'static str], cn: &'static [&'static str]| if zh { cn } else { en };
        match (kind, outcome) {
            (_, Some(Won)) => {
                pick(&["ordered for the spring", "signed the order"], &["下了春季的订单", "签了订单"])
            }
            (_, Some(QuoteSent)) => {
                pick(&["sent the quote", "quoted 3 tons of 10-10-10"], &["发了报价单", "报了 3 吨复合肥的价"])
            }
            (_, Some(MeetingBooked)) => pick(&["set up a meeting at the store", ""], &["约好去店里谈", ""]),
            (_, Some(Declined)) => {
                pick(&["not this season", "too expensive for them"], &["说今年先不要", "嫌价格偏高"])
            }
            (Call, Some(NoAnswer)) => pick(&["no answer, try tomorrow", ""], &["没人接,明天再打", ""]),
            (Call, Some(Busy)) => pick(&["line busy", ""], &["占线", ""]),
            (Call, Some(LeftMessage)) => pick(&["left a message to call back"], &["留了言,请他回电"]),
            (Call, _) => pick(
                &[
                    "asked about spring fertilizer prices",
                    "interested in the new variety",
                    "comparing prices with others",
                    "",
                ],
                &["问了春季化肥价格", "对新品种很感兴趣", "嫌价格偏高,在比较别家", ""],
            ),
            (Visit, _) => pick(
                &[
                    "saw the store and the warehouse",
                    "brought samples",
                    "the owner was in: talked for half an hour",
                    "",
                ],
                &["去了店里,看了仓库", "带样品上门", "老板在,聊了半小时", ""],
            ),
            (Meeting, _) => pick(
                &["met at the trade fair", "met at our office", ""],
                &["在展会上见面", "请到公司谈合作", ""],
            ),
            (Sms | Email, Some(Replied)) => {
                pick(&["replied: got it", "replied asking for prices"], &["回复说收到了", "回复问价格"])
            }
            (Sms, _) => pick(
                &["sent the new price list", "sent the spring offer", ""],
                &["发了新品价目表", "发了春季促销信息", ""],
            ),
            (Email, _) => pick(
                &["emailed the product sheet", "emailed the quote", ""],
                &["发了产品资料", "发了报价邮件", ""],
            ),
            (Gift, _) => {
                pick(&["sent a holiday gift", "brought a box of fruit"], &["送了节日礼品", "送了一箱水果"])
            }
            (Letter, _) => {
                pick(&["sent a thank-you card", "sent a greeting card"], &["寄了感谢信", "寄了贺卡"])
            }
        }
    }

    /// What an open follow-up of this reason and kind was promised.
    pub fn promises(&self, reason: FollowUpReason, kind: TouchKind) -> &'static [&'static str] {
        let zh = self.lang == Lang::ZhCn;
        let visit = matches!(kind, TouchKind::Visit | TouchKind::Meeting);
        match (reason, visit, zh) {
            (FollowUpReason::AfterSale, false, false) => {
                &["ask how the last order is doing", "check the delivery went well"]
            }
            (FollowUpReason::AfterSale, false, true) => &["回访用后效果", "问送货是否满意"],
            (FollowUpReason::AfterSale, true, false) => {
                &["see how the crop took the fertilizer", "check the stock on the shelf"]
            }
            (FollowUpReason::AfterSale, true, true) => &["去地里看施肥效果", "去店里看库存"],
            (_, false, false) => &[
                "call back about the price",
                "ask about the quote",
                "confirm the spring order",
                "call when the boss is back",
            ],
            (_, false, true) => &["回电话谈价格", "问报价的结果", "确认春季订单", "等老板回来再打"],
            (_, true, false) => &["bring samples", "show the new variety", "go over the spring order"],
            (_, true, true) => &["送样品", "上门介绍新品种", "当面谈春季订单"],
        }
    }
}
