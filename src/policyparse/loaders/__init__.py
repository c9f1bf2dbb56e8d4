"""Loaders, one module per format, registered by :class:`InputFormat`.

Each loader module exposes
``load(data: bytes, *, name: str, options: ParseOptions) -> Text``. Modules are
imported on first use, so reading a .txt never pays for python-docx or pdfplumber.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ..settings import ParseOptions
from ..text import InputFormat, Text


class Loader(Protocol):
    def __call__(self, data: bytes, *, name: str, options: ParseOptions) -> Text: ...


_MODULES: dict[InputFormat, str] = {
    InputFormat.TXT: "text",
    InputFormat.MD: "markdown",
    InputFormat.HTML: "html",
    InputFormat.DOCX: "docx",
    InputFormat.PDF: "pdf",
    InputFormat.DOC: "doc",
    InputFormat.OFD: "ofd",
    InputFormat.PNG: "ocr",
    InputFormat.JPEG: "ocr",
    InputFormat.TIFF: "ocr",
}


def get_loader(fmt: InputFormat) -> Loader:
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    loader: Loader = module.load
    return loader
