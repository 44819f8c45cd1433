"""The server's plain HTTP side: the pages, their files, the join QR code, and 404 for
anything else (no path escapes the web folder); the protocol carries on beside it."""

from __future__ import annotations

import pytest

from tests.classroom.helpers import Party, running


def test_plain_pages_and_files(tmp_path):
    import urllib.error
    import urllib.request

    with running(tmp_path) as server:
        base = f"http://127.0.0.1:{server.port}"
        page = urllib.request.urlopen(f"{base}/?code={server.code}")
        assert page.headers["Content-Type"].startswith("text/html")
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        qr = urllib.request.urlopen(f"{base}/qr.svg").read()
        assert qr.startswith(b"<svg")
        for missing_path in ("/static/../server.py", "/static/nothing.js", "/etc/passwd"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(base + missing_path)
            assert refused.value.code == 404
        party = Party(server.url)
        party.hello(server.code, name="Still")
        party.expect("welcome")
