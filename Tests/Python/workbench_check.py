"""Starts `territorio serve --port 0` on a study, opens the circuit
workbench in real headless Chromium through Selenium, moves one
territory into another circuit with a real mouse click on the map, and
prints what the panel showed as JSON:

- before / after: for the circuit the territory leaves and the one it
  joins, the panel's population and each product's self-supply (the
  numbers behind the text, `data-value`), read by selecting each circuit;
- version: the metrics' version after the click (1: one edit);
- computing_seen: whether the "computing…" state of the distribution was
  shown, and intermediated: the selected circuit's intermediated cells
  once the distribution answered;
- console: the browser console's errors (SEVERE entries).

Usage: workbench_check.py TERRITORIO STUDY.json TERRITORY TO_CIRCUIT FROM_CIRCUIT [SCREENSHOT.png]
Exit status 2 when Chromium or chromedriver is missing, so that the
Swift test skips rather than fails.
"""

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def start_server(binary, study):
    """`territorio serve --port 0`, and the address it prints."""
    process = subprocess.Popen([binary, "serve", "--study", study, "--port", "0", "--lang", "en"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # select with a deadline rather than a blocking readline: a server that
    # prints nothing must not hang the test (SIGALRM may be blocked in a
    # process started by the Swift test).
    deadline = time.time() + 120
    pending = b""
    while time.time() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                raise RuntimeError("territorio serve ended: " + process.stderr.read().decode(errors="replace"))
            continue
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            raise RuntimeError("territorio serve closed its output: " + process.stderr.read().decode(errors="replace"))
        pending += chunk
        for line in pending.decode(errors="replace").splitlines():
            if line.startswith("Workbench: "):
                return process, line.split(" ", 1)[1].strip()
    process.kill()
    raise RuntimeError("territorio serve printed no address within 120 s")


def shrink(path):
    """The README's screenshot in 256 colours (a third of Chromium's PNG,
    the map's flat fills unchanged); left as Chromium wrote it without Pillow."""
    try:
        from PIL import Image
    except ImportError:
        print("workbench_check.py: no Pillow, the screenshot is left unquantized", file=sys.stderr)
        return
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def panel(driver, circuit):
    """Selects `circuit` in the list and reads its population and self-supply per product."""
    driver.find_element("css selector", "#circuits tr[data-circuit='%s']" % circuit).click()
    time.sleep(0.2)
    population = float(driver.find_element("css selector", "#selected-population").get_attribute("data-value"))
    supply = {}
    for row in driver.find_elements("css selector", "#selected-products tr[data-product]"):
        cell = row.find_element("css selector", "[data-figure=self_supply]")
        supply[row.get_attribute("data-product")] = float(cell.get_attribute("data-value"))
    return {"population": population, "self_supply": supply}


def main():
    if len(sys.argv) not in (6, 7):
        print("usage: workbench_check.py TERRITORIO STUDY.json TERRITORY TO_CIRCUIT FROM_CIRCUIT [SCREENSHOT.png]", file=sys.stderr)
        return 64
    if not CHROMIUM or not DRIVER:
        missing = [name for name, path in (("chromium", CHROMIUM), ("chromedriver", DRIVER)) if not path]
        print("missing: " + ", ".join(missing) + " (Debian: apt-get install chromium chromium-driver)", file=sys.stderr)
        return 2
    binary, study, territory, to_circuit, from_circuit = sys.argv[1:6]
    screenshot = sys.argv[6] if len(sys.argv) == 7 else None

    def too_long(signum, frame):
        print("workbench_check.py: no answer within 240 s", file=sys.stderr)
        sys.exit(3)

    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(240)

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    server, address = start_server(binary, study)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    result = {"address": address}
    try:
        driver.get(address)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        result["computing_seen"] = bool(driver.execute_script(
            "return document.body.dataset.computingShown === 'true'"))
        result["before"] = {"from": panel(driver, from_circuit), "to": panel(driver, to_circuit)}

        # A real click on a point of the territory's path that nothing covers.
        target = driver.execute_script("""
            var element = document.querySelector("path[data-code='" + arguments[0] + "']");
            if (!element) return null;
            var box = element.getBoundingClientRect();
            for (var i = 1; i < 12; i++) for (var j = 1; j < 12; j++) {
              var x = box.left + box.width * i / 12, y = box.top + box.height * j / 12;
              if (document.elementFromPoint(x, y) === element)
                return [element, x - (box.left + box.width / 2), y - (box.top + box.height / 2)];
            }
            return null;""", territory)
        if target is None:
            raise RuntimeError("territory %s is not drawn where it can be clicked" % territory)
        ActionChains(driver).move_to_element_with_offset(target[0], int(target[1]), int(target[2])).click().perform()
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.version") == "1")
        result["version"] = int(driver.execute_script("return document.body.dataset.version"))
        result["moved_to"] = driver.execute_script("return document.querySelector(\"path[data-code='\" + arguments[0] + \"']\").getAttribute('data-circuit')", territory)
        result["after"] = {"from": panel(driver, from_circuit), "to": panel(driver, to_circuit)}

        WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.querySelectorAll('.computing').length === 0"))
        result["intermediated"] = [cell.text for cell in driver.find_elements("css selector", "#selected-products [data-figure=intermediated]")]
        if screenshot:
            driver.save_screenshot(screenshot)
            shrink(screenshot)
        result["console"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
