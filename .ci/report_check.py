"""Opens the standalone HTML report (`borderkg report --format html`) in headless Chromium at
desktop (1400 px) and phone (390 px) widths, saves a screenshot of each, and fails when the page is
wider than its viewport (a horizontal scroll bar) or a cell of the central-actors table is narrower
than 40 px (a column squeezed to a letter or two).

    report_check.py REPORT.html SCREENSHOT_DIR

As in browser_check.py, the browser measures: a small local server serves the report and a frame
page that shows it in an iframe of the device's width and writes what it measured into its own DOM,
read back with `--dump-dom`. The report itself carries no script."""

import os
import re
import sys
import urllib.parse

# Finding Chromium, running it headless and serving local pages are the server check's helpers.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import QuietHandler, chromium, run, start  # noqa: E402

WIDTHS = {"desktop": (1400, 1000), "phone": (390, 844)}
MIN_CELL = 40
TABLE_HEADING = "Most central actors"
FRAME = (
    "<!DOCTYPE html><html><body style='margin:0'>"
    "<iframe id='f' src='/report.html' style='border:0;width:{width}px;height:{height}px'></iframe>"
    "<script>document.getElementById('f').addEventListener('load',function(){{"
    "var d=this.contentDocument,w=this.contentWindow,least=-1,cells=0;"
    "d.querySelectorAll('h2').forEach(function(h){{"
    "if(h.textContent.trim()!=='" + TABLE_HEADING + "')return;"
    "var t=h.nextElementSibling;while(t&&t.tagName!=='TABLE'&&t.tagName!=='H2')t=t.nextElementSibling;"
    "if(!t||t.tagName!=='TABLE')return;"
    "t.querySelectorAll('td,th').forEach(function(c){{cells++;var x=c.getBoundingClientRect().width;"
    "if(least<0||x<least)least=x;}});}});"
    "var p=document.createElement('pre');p.id='measured';"
    "p.textContent=d.documentElement.scrollWidth+' '+w.innerWidth+' '+cells+' '+Math.floor(least);"
    "document.body.appendChild(p);}});</script></body></html>"
)


def serve(report):
    """A local server: the report at /report.html, the frame page at /__frame?w=..&h=.."""
    with open(report, "rb") as f:
        body = f.read()

    class Handler(QuietHandler):
        def do_GET(self):
            if self.path.startswith("/__frame?"):
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                page = FRAME.format(width=int(query["w"][0]), height=int(query["h"][0])).encode()
            elif self.path == "/report.html":
                page = body
            else:
                self.send_error(404)
                return
            self.reply(200, "text/html; charset=utf-8", page)

    return start(Handler)


def main(report, shots):
    browser = chromium()
    if browser is None:
        if os.environ.get("CI"):
            sys.exit("chromium is missing (apt-get install chromium)")
        print("SKIPPED: chromium is not installed")
        return
    os.makedirs(shots, exist_ok=True)
    server = serve(report)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    failures = []
    for device, (width, height) in WIDTHS.items():
        shot = os.path.join(shots, f"report-{device}.png")
        if os.path.exists(shot):
            os.remove(shot)
        run(browser, [f"--window-size={width},{height}", f"--screenshot={shot}", base + "/report.html"])
        if not os.path.exists(shot):
            failures.append(f"at {width} px: no screenshot")
        frame = base + "/__frame?" + urllib.parse.urlencode({"w": width, "h": height})
        dom = run(browser, [f"--window-size={max(width, 500)},{height}", "--dump-dom", frame]).stdout
        found = re.search(r'<pre id="measured">(\d+) (\d+) (\d+) (-?\d+)</pre>', dom)
        if not found:
            failures.append(f"at {width} px: nothing was measured")
            continue
        scroll, inner, cells, least = (int(g) for g in found.groups())
        print(f"report {device:8} viewport {inner:5} px, page {scroll:5} px, "
              f"{cells} central-actor cells, narrowest {least} px")
        if scroll > inner:
            failures.append(f"at {width} px the page is {scroll} px wide")
        if cells == 0:
            failures.append(f"at {width} px there is no table under '{TABLE_HEADING}'")
        elif least < MIN_CELL:
            failures.append(f"at {width} px a central-actors cell is {least} px wide (under {MIN_CELL})")
    server.shutdown()
    if failures:
        sys.exit("report check failed:\n  " + "\n  ".join(failures))
    print(f"report check: fits {len(WIDTHS)} widths, central-actors cells at least {MIN_CELL} px; "
          f"screenshots in {shots}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
