"""The labels of the metadata block government portals print above a document (政府信息公开
"索引号" table or lines): 索引号, 发布机构, 成文日期 … A block made of these labels and their
values is the portal's, not the document's body; where a page is printed or saved, the
block comes along as a table or as lines.
"""

from __future__ import annotations

METADATA_LABELS: tuple[str, ...] = (
    "索引号", "主题分类", "主题词", "体裁分类", "组配分类", "服务对象", "信息分类", "内容分类",
    "发布机构", "发文机关", "发文单位", "发布单位", "成文日期", "印发日期", "发布日期",
    "发布时间", "生效日期", "实施日期", "施行日期", "废止日期", "失效日期", "名称", "标题",
    "文件名称", "发文字号", "文号", "文件编号", "有效性", "时效性", "效力状态", "信息来源",
    "来源", "公开方式", "公开范围", "公开时限", "浏览次数", "访问量", "点击数", "字号", "字体",
)  # fmt: skip
