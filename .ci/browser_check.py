"""Loads the home, an actor, an event, the report and a saved-query page of a running
`borderkg serve` in headless Chromium at desktop (1280 px) and phone (390 px) widths, saves a
screenshot of each, and fails when a page is wider than its viewport (a horizontal scroll bar) or a
link on it does not resolve.

    browser_check.py URL SCREENSHOT_DIR

The width is measured by the browser itself: a small local proxy forwards the pages and serves a
frame page that shows one of them in an iframe of the device's width (headless Chromium keeps its
window at least 500 px wide) and writes the page's `scrollWidth` into its own DOM, read back with
`--dump-dom`. The pages themselves carry no script."""

import http.client
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse

PAGES = {
    "home": "/",
    "actor": "/id/taliban",
    "event": "/id/event/khatlon-drone-strike-on-shohin-sm-camp",
    "report": "/report",
    "query": "/queries/actor-profile?actor=Taliban",
}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
FRAME = (
    "<!DOCTYPE html><html><body style='margin:0'>"
    "<iframe id='f' src='{path}' style='border:0;width:{width}px;height:{height}px'></iframe>"
    "<script>document.getElementById('f').addEventListener('load',function(){{"
    "var p=document.createElement('pre');p.id='measured';"
    "p.textContent=this.contentDocument.documentElement.scrollWidth+' '+this.contentWindow.innerWidth;"
    "document.body.appendChild(p);}});</script></body></html>"
)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A request handler that logs nothing and answers with `reply`."""

    def reply(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start(handler):
    """Serves `handler` on a free loopback port in a background thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def proxy(target):
    """A local server that forwards GETs to `target`, and serves the frame page at /__frame."""
    parsed = urllib.parse.urlparse(target)

    class Handler(QuietHandler):
        def do_GET(self):
            if self.path.startswith("/__frame?"):
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                page = FRAME.format(
                    path=query["path"][0].replace("'", "%27"), width=int(query["w"][0]), height=int(query["h"][0])
                ).encode()
                self.reply(200, "text/html; charset=utf-8", page)
                return
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
            conn.request("GET", self.path, headers={"Accept": "text/html"})
            response = conn.getresponse()
            body = response.read()
            self.reply(response.status, response.getheader("Content-Type", "text/plain"), body)

    return start(Handler)


def run(browser, args):
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--virtual-time-budget=5000", *args],
        capture_output=True, text=True, timeout=120,
    )


def main(url, shots):
    browser = chromium()
    if browser is None:
        if os.environ.get("CI"):
            sys.exit("chromium is missing (apt-get install chromium)")
        print("SKIPPED: chromium is not installed")
        return
    os.makedirs(shots, exist_ok=True)
    measuring = proxy(url)
    via = f"http://127.0.0.1:{measuring.server_address[1]}"
    failures = []
    parsed = urllib.parse.urlparse(url)
    for page, path in PAGES.items():
        for device, (width, height) in WIDTHS.items():
            size = f"--window-size={max(width, 500)},{height}"
            frame = via + "/__frame?" + urllib.parse.urlencode({"path": path, "w": width, "h": height})
            shot = os.path.join(shots, f"{page}-{device}.png")
            run(browser, [size, f"--screenshot={shot}", url + path if width >= 500 else frame])
            if not os.path.exists(shot):
                failures.append(f"{page} at {width} px: no screenshot")
            dom = run(browser, [size, "--dump-dom", frame]).stdout
            found = re.search(r'<pre id="measured">(\d+) (\d+)</pre>', dom)
            if not found:
                failures.append(f"{page} at {width} px: the width was not measured")
                continue
            scroll, inner = int(found.group(1)), int(found.group(2))
            verdict = "ok" if scroll <= inner else "OVERFLOWS"
            print(f"{page:7} {device:8} viewport {inner:5} px, page {scroll:5} px  {verdict}")
            if scroll > inner:
                failures.append(f"{page} at {width} px is {scroll} px wide")
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        conn.request("GET", path, headers={"Accept": "text/html"})
        body = conn.getresponse().read().decode("utf-8")
        for link in set(re.findall(r'href="(/[^"]*)"', body)):
            link = link.replace("&amp;", "&")
            conn.request("GET", link, headers={"Accept": "text/html"})
            response = conn.getresponse()
            response.read()
            if response.status >= 400:
                failures.append(f"{page} links to {link}, which answers {response.status}")
    measuring.shutdown()
    if failures:
        sys.exit("browser check failed:\n  " + "\n  ".join(failures))
    print(f"browser check: {len(PAGES)} pages at {len(WIDTHS)} widths fit their viewport; screenshots in {shots}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
