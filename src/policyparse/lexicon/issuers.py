"""Issuing organs: how a name starts, and the central organs by the names they sign with.

Joint signatures run together when a crawl or a PDF drops the spaces between them
(市场监管总局中央网信办工业和信息化部公安部…); the issuer reader cuts such a run where a new
name starts. A name starts either with a marker of rank or place (中共…, 国家…, 河北省…,
石家庄市…) or is one of the central organs below, written as they sign (国务院组成部门,
直属机构 and 直属特设机构, 部委管理的国家局, and the Party organs that co-sign with them;
short forms as the 国务院 itself writes them in joint documents).
"""

from __future__ import annotations

import re

CENTRAL_ORGANS = frozenset({
    "国务院", "外交部", "国防部", "教育部", "科技部", "科学技术部", "工业和信息化部", "公安部",
    "国家安全部", "民政部", "司法部", "财政部", "人力资源社会保障部", "人力资源和社会保障部",
    "自然资源部", "生态环境部", "住房城乡建设部", "住房和城乡建设部", "交通运输部", "水利部",
    "农业农村部", "商务部", "文化和旅游部", "退役军人事务部", "应急管理部", "审计署",
    "国家民委", "国家卫生健康委", "国家发展改革委", "中国人民银行", "人民银行", "海关总署",
    "税务总局", "市场监管总局", "金融监管总局", "证监会", "中国证监会", "广电总局", "体育总局",
    "统计局", "国际发展合作署", "医保局", "国家医保局", "参事室", "国管局", "国资委",
    "中央网信办", "中央宣传部", "中央组织部", "中央编办", "中央财办", "中央外办", "中央政法委",
    "最高人民法院", "最高人民检察院", "全国总工会", "共青团中央", "全国妇联", "中国科协",
    "中国残联", "国家邮政局", "国家疾控局", "国家消防救援局", "国家粮食和储备局", "国家能源局",
    "国家国防科工局", "国家烟草局", "国家移民局", "国家林草局", "国家铁路局", "中国民航局",
    "民航局", "国家文物局", "国家中医药局", "国家矿山安监局", "国家外汇局", "国家药监局",
    "国家知识产权局", "国家数据局", "国家网信办", "国家互联网信息办公室", "国家标准委",
    "国家认监委", "国家保密局", "国家密码管理局", "国家档案局", "国家乡村振兴局", "国家电影局",
    "国家新闻出版署", "国家版权局", "国家宗教局", "中国气象局", "气象局", "地震局", "中国地震局",
    "国家统计局", "国家税务总局", "国家市场监督管理总局", "国家广播电视总局", "国家体育总局",
    "国家医疗保障局", "国务院国资委", "国务院办公厅", "中共中央办公厅", "全国老龄办",
    "中共中央", "党中央", "中央军委", "全国人大常委会", "全国人民代表大会常务委员会",
})  # fmt: skip

# A new organ's name starts here: a rank (中共, 国家 …) or a place (…省, …市, …县, …区 …),
# whose name holds no organ word (办公厅河北省 is the end of one name and the start of another).
ORGAN_START = re.compile(
    r"^(?:中共|中国|国家|国务院|全国|最高|中央|共青团|[^\W厅局委办部室会院署处所司府组]{1,7}?"
    r"(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道))"
)
