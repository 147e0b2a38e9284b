"""Fictional people for the demo drive: bilingual name pools and contact details that reach nobody.

Chinese names are drawn surname + given name with their pinyin, so an English-language resume can
carry the same person's name the way Chinese applicants write it abroad; English names come from a
separate pool. Emails are on the example.com / example.cn domains reserved for documentation (RFC
2606), and phone numbers are one sequential block, 138-0000-NNNN, valid E.164 but obviously made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("罗", "Luo"), ("高", "Gao"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"),
    ("袁", "Yuan"), ("蔡", "Cai"), ("蒋", "Jiang"), ("余", "Yu"), ("叶", "Ye"), ("杜", "Du"),
    ("程", "Cheng"), ("魏", "Wei"), ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("沈", "Shen"),
    ("欧阳", "Ouyang"), ("司马", "Sima"),
)  # fmt: skip
GIVEN_NAMES = (
    ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"),
    ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"),
    ("超", "Chao"), ("霞", "Xia"), ("平", "Ping"), ("刚", "Gang"), ("婷", "Ting"), ("浩然", "Haoran"),
    ("子涵", "Zihan"), ("欣怡", "Xinyi"), ("梓轩", "Zixuan"), ("思远", "Siyuan"), ("一鸣", "Yiming"),
    ("雨桐", "Yutong"), ("宇航", "Yuhang"), ("佳琪", "Jiaqi"), ("晨曦", "Chenxi"), ("俊杰", "Junjie"),
    ("嘉怡", "Jiayi"), ("博文", "Bowen"), ("诗涵", "Shihan"), ("天佑", "Tianyou"), ("若曦", "Ruoxi"),
    ("志强", "Zhiqiang"), ("文博", "Wenbo"), ("晓东", "Xiaodong"), ("立群", "Liqun"), ("海峰", "Haifeng"),
    ("雪梅", "Xuemei"), ("建国", "Jianguo"), ("梦瑶", "Mengyao"), ("泽宇", "Zeyu"), ("可欣", "Kexin"),
    ("昊天", "Haotian"), ("书瑶", "Shuyao"), ("星辰", "Xingchen"), ("安琪", "Anqi"), ("景行", "Jingxing"),
)  # fmt: skip
ENGLISH_FIRST = (
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Mia", "Mason", "Amelia",
    "James", "Harper", "Daniel", "Evelyn", "Henry", "Grace", "Samuel", "Chloe", "David", "Hannah",
    "Leo", "Nora", "Owen", "Ella", "Jack", "Zoe", "Ryan", "Lily", "Adam", "Clara", "Kevin", "Iris",
    "Vincent", "Alice", "Eric", "Ruth", "Tom", "Maya", "Felix",
)  # fmt: skip
ENGLISH_LAST = (
    "Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Anderson", "Thomas",
    "Jackson", "White", "Harris", "Martin", "Thompson", "Garcia", "Clark", "Lewis", "Walker", "Hall",
    "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter",
    "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
)  # fmt: skip
PHONE_BLOCK = 8613800000000  # +86 138-0000-NNNN: one patterned block, room for 10,000 people


@dataclass(frozen=True)
class Identity:
    full_name: str
    email: str
    phone: str


def identity(index: int, *, chinese_resume: bool, rng: random.Random) -> Identity:
    """The index-th demo person; the index keeps emails and phones unique without a lookup."""
    if chinese_resume or rng.random() < 0.6:
        surname_zh, surname_py = rng.choice(SURNAMES)
        given_zh, given_py = rng.choice(GIVEN_NAMES)
        name = surname_zh + given_zh if chinese_resume else f"{given_py} {surname_py}"
        local = f"{given_py}.{surname_py}".lower()
    else:
        first, last = rng.choice(ENGLISH_FIRST), rng.choice(ENGLISH_LAST)
        name = f"{first} {last}"
        local = f"{first}.{last}".lower()
    domain = "example.cn" if chinese_resume else "example.com"
    return Identity(full_name=name, email=f"{local}.{index:04d}@{domain}", phone=f"+{PHONE_BLOCK + index}")
