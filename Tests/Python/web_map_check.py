"""Opens a Territorio web map (territorio render ... -o map.html) in real
headless Chromium through Selenium and prints what it finds as JSON:

- layers: for each layer (by the page's layer switcher order), the SVG
  elements Leaflet drew for it (paths: polygons, lines and circle markers);
- popup: the popup a real mouse click on a feature of the top layer opens,
  as its layer heading and its key/value rows;
- toggle: that layer's elements before and after unticking it in the
  layer switcher;
- search: the results of typing a name into the search box, and the popup
  heading after choosing the first;
- tiles: the basemap's tile images (an MBTiles basemap's are data URLs):
  how many, how many loaded as 256-pixel images from data:image/ URLs, and
  how many are the blank pixel of a tile the file lacks;
- console: the browser console's errors (SEVERE entries).

Usage: web_map_check.py MAP.html SEARCH_TEXT [SCREENSHOT.png]
(the screenshot, when asked for, is taken as the page opens, before any
click).
Exit status 2 when Chromium or chromedriver is missing (the message says
which), so that the Swift test skips rather than fails.
"""

import json
import shutil
import signal
import sys
import time

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def main():
    if len(sys.argv) not in (3, 4):
        print("usage: web_map_check.py MAP.html SEARCH_TEXT [SCREENSHOT.png]", file=sys.stderr)
        return 64
    if not CHROMIUM or not DRIVER:
        missing = [name for name, path in (("chromium", CHROMIUM), ("chromedriver", DRIVER)) if not path]
        print("missing: " + ", ".join(missing) + " (Debian: apt-get install chromium chromium-driver)", file=sys.stderr)
        return 2

    # A browser that hangs must fail the test, not hold it forever.
    def too_long(signum, frame):
        print("web_map_check.py: no answer from Chromium within 180 s", file=sys.stderr)
        sys.exit(3)

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(180)

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,800", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    result = {}
    try:
        driver.get("file://" + sys.argv[1])
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-ready') === 'true'"))
        # Tiles load after the page is ready: wait for each to have loaded or failed.
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "return Array.prototype.every.call(document.querySelectorAll('img.leaflet-tile'),"
            " function (i) { return i.complete; })"))
        result["tiles"] = driver.execute_script("""
            var tiles = Array.prototype.slice.call(document.querySelectorAll('img.leaflet-tile'));
            return {count: tiles.length,
                    loaded: tiles.filter(function (i) {
                        return i.src.indexOf('data:image/') === 0 && i.src.indexOf('data:image/gif') !== 0 && i.naturalWidth === 256;
                    }).length,
                    blank: tiles.filter(function (i) { return i.src.indexOf('data:image/gif') === 0; }).length};
        """)
        if len(sys.argv) == 4:
            driver.save_screenshot(sys.argv[3])
        names = [label.text.strip() for label in
                 driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays label")]

        def drawn(index):
            return len(driver.find_elements(By.CSS_SELECTOR, "svg .territorio-layer-%d" % index))

        result["layers"] = [{"name": name, "drawn": drawn(index)} for index, name in enumerate(names)]

        # A real click on a feature of the top layer that nothing covers.
        top = len(names) - 1
        target = driver.execute_script("""
            var elements = document.querySelectorAll("svg .territorio-layer-" + arguments[0]);
            for (var i = 0; i < elements.length; i++) {
              var box = elements[i].getBoundingClientRect();
              var x = box.left + box.width / 2, y = box.top + box.height / 2;
              if (x > 260 && x < window.innerWidth - 260 && y > 150 && y < window.innerHeight - 150
                  && document.elementFromPoint(x, y) === elements[i]) { return elements[i]; }
            }
            return null;""", top)
        popup = None
        if target is not None:
            ActionChains(driver).move_to_element(target).click().perform()
            time.sleep(0.5)
            found = driver.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content .territorio-popup")
            if found:
                rows = {}
                for row in found[0].find_elements(By.CSS_SELECTOR, "tr"):
                    cells = row.find_elements(By.CSS_SELECTOR, "td")
                    rows[cells[0].text] = cells[1].text
                popup = {"layer": found[0].find_element(By.CSS_SELECTOR, ".popup-layer").text, "properties": rows}
            driver.find_element(By.CSS_SELECTOR, ".leaflet-popup-close-button").click() if found else None
        result["popup"] = popup

        # Untick the top layer in the switcher.
        before = drawn(top)
        boxes = driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays input[type=checkbox]")
        boxes[top].click()
        time.sleep(0.3)
        result["toggle"] = {"name": names[top], "before": before, "after": drawn(top),
                            "others": [drawn(index) for index in range(top)]}
        boxes[top].click()

        # Search by name, then choose the first result.
        field = driver.find_element(By.CSS_SELECTOR, ".territorio-search input")
        field.send_keys(sys.argv[2])
        time.sleep(0.3)
        results = [item.text for item in driver.find_elements(By.CSS_SELECTOR, ".territorio-search li")]
        chosen = None
        if results and results[0] != "no match":
            driver.find_elements(By.CSS_SELECTOR, ".territorio-search li")[0].click()
            time.sleep(0.6)
            headings = driver.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content .territorio-popup")
            chosen = headings[0].text if headings else None
        result["search"] = {"results": results, "popup": chosen}

        result["console"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
