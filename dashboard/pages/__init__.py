"""Dash pages, one module each with its layout and callbacks (``dash.callback``)."""
