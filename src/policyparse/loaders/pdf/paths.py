"""A page's ruling lines: the straight horizontal and vertical strokes of its vector paths.

Table borders are drawn as lines (``m … l S``), as rectangles (``re``), or as thin filled
rectangles; every straight, axis-parallel piece of a path becomes a :data:`Segment` in
display coordinates, the same space as the glyphs of :mod:`.pdf_text`. Paths inside form
XObjects count too (with the form's matrix), curves do not. :mod:`.pdf_tables` hands the
segments to pdfplumber's table finder; reading them here from PDFium saves pdfplumber from
interpreting the page in Python just to see its lines.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2.raw as pdfium_c

from . import ffi

Segment = tuple[float, float, float, float]  # x0, top, x1, bottom in display points
Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # the crop box: left, bottom, right, top

STRAIGHT = 0.5  # points: a piece this close to axis-parallel is a rule
MIN_LENGTH = 1.0  # points
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_DEPTH = 3  # forms inside forms


def rules(drawn: list[int], box: Box, rotation: int) -> list[Segment]:
    """Every horizontal and vertical piece of the paths among a page's ``drawn`` path and
    form objects (by address, in page order), in display space."""
    out: list[Segment] = []
    for obj, matrix in _top_paths(drawn):
        for (x0, y0), (x1, y1) in _pieces(obj):
            a = display(_apply(matrix, x0, y0), box, rotation)
            b = display(_apply(matrix, x1, y1), box, rotation)
            if abs(a[1] - b[1]) <= STRAIGHT and abs(a[0] - b[0]) >= MIN_LENGTH:
                y = (a[1] + b[1]) / 2
                out.append((min(a[0], b[0]), y, max(a[0], b[0]), y))
            elif abs(a[0] - b[0]) <= STRAIGHT and abs(a[1] - b[1]) >= MIN_LENGTH:
                x = (a[0] + b[0]) / 2
                out.append((x, min(a[1], b[1]), x, max(a[1], b[1])))
    return out


def counts(segments: list[Segment]) -> tuple[int, int]:
    """(horizontal, vertical) segments."""
    horizontal = sum(1 for x0, top, x1, bottom in segments if top == bottom)
    return horizontal, len(segments) - horizontal


_PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM


def _top_paths(drawn: list[int]) -> Iterator[tuple[int, Matrix]]:
    for obj in drawn:
        if ffi.object_type(obj) == _PATH:
            yield obj, _matrix(obj)
        else:
            yield from _paths(obj, _matrix(obj), 1)


def _paths(form: int, outer: Matrix, depth: int) -> Iterator[tuple[int, Matrix]]:
    """The path objects of a form (by address), with their matrices to the page."""
    for index in range(ffi.count_form_objects(form)):
        obj = ffi.form_object_at(form, index)
        kind = ffi.object_type(obj)
        if kind == _PATH:
            yield obj, _compose(_matrix(obj), outer)
        elif kind == _FORM and depth < _MAX_DEPTH:
            yield from _paths(obj, _compose(_matrix(obj), outer), depth + 1)


def _pieces(path: int) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path in its own space: line-tos and closing lines."""
    xy = (ctypes.c_float * 2)()
    at_x = ctypes.addressof(xy)
    at_y = at_x + ctypes.sizeof(ctypes.c_float)
    start = current = (0.0, 0.0)
    for index in range(ffi.count_segments(path)):
        segment = ffi.segment_at(path, index)
        ffi.segment_point(segment, at_x, at_y)
        point = (xy[0], xy[1])
        kind = ffi.segment_type(segment)
        if kind == _MOVETO:
            start = point
        elif kind == _LINETO:
            yield current, point
        current = point
        if ffi.segment_closes(segment) and current != start:
            yield current, start
            current = start


_MOVETO, _LINETO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO


def _matrix(obj: int) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not ffi.object_matrix(obj, ctypes.addressof(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF matrices, row vectors)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def display(point: tuple[float, float], box: Box, rotation: int) -> tuple[float, float]:
    """Page space → display space: from the crop box's top left, after /Rotate."""
    left, bottom, right, top = box
    u, v = point[0] - left, top - point[1]
    if rotation == 90:
        return (top - bottom) - v, u
    if rotation == 180:
        return (right - left) - u, (top - bottom) - v
    if rotation == 270:
        return v, (right - left) - u
    return u, v
