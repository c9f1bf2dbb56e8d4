"""The OCR engine: rapidocr on onnxruntime, from the optional ``ocr`` extra.

rapidocr's wheel ships its detection, recognition and angle-classifier models (PP-OCR,
ONNX), so nothing is downloaded at run time. The angle classifier is off: issue 17 saw it
drop whole lines on 7 of the 8 pages of the scanned 农业农村部 opinion in the corpus (with
rapidocr 3.10 both settings read the same lines there); pages of a scan are upright, and
the classifier costs a model run per line.

The engine is built once per process (it loads ~30 MB of models) and kept in this module:
it is a cache, not state — it gives the same answer to the same image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from typing import Any

from ...errors import LoadError

INSTALL = "pip install 'policyparse[ocr]'"
MISSING = f"no text layer (scanned PDF?); OCR needs the optional extra: {INSTALL}"
IMAGE_MISSING = f"an image has no text layer; OCR needs the optional extra: {INSTALL}"
NOTHING_FOUND = "no text layer (scanned PDF?), and OCR found no text in it"
# A page number as GB/T 9704 prints it (— 3 —) comes back from OCR as 一3- or -3一: the
# dashes are read as 一. Put back, the furniture finder knows it.
_PAGE_NUMBER = re.compile(r"^[-－—–一~_]{1,2}\s*(\d{1,3})\s*[-－—–一~_]{1,2}$")


@dataclass(frozen=True, slots=True)
class Box:
    """A recognised line: its text, its corners' bounds in pixels, its confidence."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float


def available() -> bool:
    """Whether the ``ocr`` extra is installed (without importing it)."""
    return find_spec("rapidocr") is not None and find_spec("onnxruntime") is not None


@lru_cache(maxsize=1)
def _engine() -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError as error:  # the extra is installed only in part
        raise LoadError(f"OCR cannot start ({error}); reinstall it: {INSTALL}") from error
    return RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})


def recognise(image: Any) -> list[Box]:
    """The text lines of a page image (a PIL image), top to bottom."""
    import numpy as np

    result = _engine()(np.asarray(image.convert("RGB")))
    boxes: list[Box] = []
    if result.boxes is None:
        return boxes
    for corners, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
        xs = [float(p[0]) for p in corners]
        ys = [float(p[1]) for p in corners]
        text = text.strip()
        if not text:
            continue
        m = _PAGE_NUMBER.match(text)
        if m:
            text = f"— {m.group(1)} —"
        boxes.append(Box(text, min(xs), min(ys), max(xs), max(ys), float(score)))
    return boxes
