"""The vocabulary records share: the schema version and the numbering styles.

Kept apart from models.py so that parsing never imports pydantic (see pipeline.py).
"""

from __future__ import annotations

from enum import Enum
from typing import Final

SCHEMA_VERSION: Final = "1"


class Style(str, Enum):
    """How a provision is numbered (GB/T 9704-2012 结构层次序数, plus law and table forms)."""

    PART = "part"  # 第X编
    CHAPTER = "chapter"  # 第X章
    SECTION = "section"  # 第X节
    ARTICLE = "article"  # 第X条
    CN = "cn"  # 一、
    CN_PAREN = "cn_paren"  # （一）
    ARABIC = "arabic"  # 1. 1、 1．
    ARABIC_PAREN = "arabic_paren"  # （1） 1）
    CIRCLED = "circled"  # ①
    LETTER = "letter"  # A. A、 A） A␣ (a lettered list: A … I)
    DECIMAL = "decimal"  # 1 / 1.1 / 1.1.1 outlines
    ROW = "row"  # a table row without a number of its own
