"""Looking at exported maps as a reader would: PDF pages rendered to pixels with
pypdfium2 (and PNG decoded), their text extracted, their fill colours counted."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from layers.printed.render import layout


def pdf_page(content: bytes, scale: float = 2.0) -> tuple[np.ndarray, str, tuple[float, float]]:
    """(RGB pixels, text, page size in points) of a one-page PDF."""
    document = pdfium.PdfDocument(content)
    assert len(document) == 1
    page = document[0]
    size = page.get_size()
    pixels = np.asarray(page.render(scale=scale).to_pil().convert("RGB"))
    text = page.get_textpage().get_text_range()
    return pixels, text, size


def png_pixels(content: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(content)).convert("RGB"))


def map_area(pixels: np.ndarray) -> np.ndarray:
    """The pixels inside the map frame, from the page layout of the image's orientation."""
    height, width, _ = pixels.shape
    left, bottom, box_w, box_h = layout("landscape" if width > height else "portrait")["map"]
    top = 1 - bottom - box_h
    return pixels[int(top * height) + 3:int((top + box_h) * height) - 3, int(left * width) + 3:
                  int((left + box_w) * width) - 3]


def colour_share(pixels: np.ndarray, hex_colour: str) -> float:
    """Share of pixels exactly of ``hex_colour`` (fills are flat, so interiors match exactly)."""
    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=pixels.dtype)
    return float((pixels == rgb).all(axis=2).mean())


def non_white_share(pixels: np.ndarray) -> float:
    return float((pixels < 245).any(axis=2).mean())
