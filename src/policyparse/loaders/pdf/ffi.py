"""PDFium's functions as plain ctypes prototypes: page, text page and object handles are
passed and returned as bare addresses (ints).

pypdfium2's bindings declare each argument's type, and ctypes then converts every argument
and wraps every pointer it returns in a new object, on each call. The loader calls some of
these functions once per character and others once per page object, where that
conversion costs as much as PDFium's work; with plain ``c_void_p``/``c_int`` prototypes it
does not happen, and a returned address compares and hashes as an int.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

VOID, INT, DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_double


def plain(function: Any, result: Any, *arguments: Any) -> Any:
    """A PDFium function with plain ctypes types, so no conversion runs per call."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(result, *arguments)(address)


def address(handle: Any) -> int:
    """The address behind a pypdfium2 handle (a ctypes pointer)."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


# text page, by char index
text_object_at = plain(pdfium_c.FPDFText_GetTextObject, VOID, VOID, INT)
loose_box = plain(pdfium_c.FPDFText_GetLooseCharBox, INT, VOID, INT, VOID)
origin = plain(pdfium_c.FPDFText_GetCharOrigin, INT, VOID, INT, VOID, VOID)
font_size = plain(pdfium_c.FPDFText_GetFontSize, DOUBLE, VOID, INT)
char_angle = plain(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float, VOID, INT)
is_generated = plain(pdfium_c.FPDFText_IsGenerated, INT, VOID, INT)
char_matrix = plain(pdfium_c.FPDFText_GetMatrix, INT, VOID, INT, VOID)
# page objects
count_objects = plain(pdfium_c.FPDFPage_CountObjects, INT, VOID)
object_at = plain(pdfium_c.FPDFPage_GetObject, VOID, VOID, INT)
count_form_objects = plain(pdfium_c.FPDFFormObj_CountObjects, INT, VOID)
form_object_at = plain(pdfium_c.FPDFFormObj_GetObject, VOID, VOID, ctypes.c_ulong)
object_type = plain(pdfium_c.FPDFPageObj_GetType, INT, VOID)
object_matrix = plain(pdfium_c.FPDFPageObj_GetMatrix, INT, VOID, VOID)
bounds = plain(pdfium_c.FPDFPageObj_GetBounds, INT, VOID, VOID, VOID, VOID, VOID)
font_of = plain(pdfium_c.FPDFTextObj_GetFont, VOID, VOID)
render_mode = plain(pdfium_c.FPDFTextObj_GetTextRenderMode, INT, VOID)
is_embedded = plain(pdfium_c.FPDFFont_GetIsEmbedded, INT, VOID)
# paths
count_segments = plain(pdfium_c.FPDFPath_CountSegments, INT, VOID)
segment_at = plain(pdfium_c.FPDFPath_GetPathSegment, VOID, VOID, INT)
segment_point = plain(pdfium_c.FPDFPathSegment_GetPoint, INT, VOID, VOID, VOID)
segment_type = plain(pdfium_c.FPDFPathSegment_GetType, INT, VOID)
segment_closes = plain(pdfium_c.FPDFPathSegment_GetClose, INT, VOID)
