"""The room's web server: a Starlette app served by uvicorn, for `coalition room` (see `app.py`).

Imported only by that command: nothing else pays for Starlette, uvicorn or segno at start-up.
"""
