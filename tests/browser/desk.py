#!/usr/bin/env python3
"""The clerk's desk (`zongjie serve`) driven in a real headless Chromium.

Opens an example, changes a figure in the grid, sees the computed growth change in the
preview, saves, finds the new figure in the TOML with every comment still there, downloads
the DOCX, and shows an error beside its field. Prints the preview latency per keystroke.

    python3 tests/browser/desk.py ZONGJIE_BINARY [--screenshots DIR] [--validate DOCX_VALIDATE]

Needs: chromium + chromium-driver (Debian), selenium (pip).
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(downloads):
    options = webdriver.ChromeOptions()
    for flag in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1093,614",  # 1366×768 at 125% zoom
        f"--user-data-dir={tempfile.mkdtemp()}",
    ]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def previewed(driver):
    return int(driver.execute_script("return Number(document.body.dataset.previewed || 0)"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("zongjie")
    ap.add_argument("--screenshots")
    ap.add_argument("--validate")
    args = ap.parse_args()

    work = tempfile.mkdtemp()
    data = os.path.join(work, "xupu-2024.toml")
    shutil.copy(os.path.join(ROOT, "examples", "xupu-2024.toml"), data)
    original = open(data, encoding="utf-8").read()
    comments = [l for l in original.splitlines() if l.lstrip().startswith("#")]
    port = free_port()
    server = subprocess.Popen([args.zongjie, "serve", data, "--port", str(port), "--no-open"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    assert url == f"http://127.0.0.1:{port}/", url
    downloads = tempfile.mkdtemp()
    driver = browser(downloads)
    failures = []
    try:
        driver.get(url)
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: previewed(d) >= 1)
        preview = driver.find_element(By.ID, "preview")
        assert "增长66.9%" in preview.text, "the example's growth is in the preview"
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "serve-example.png"))

        # A figure changed in the grid: the growth is recomputed in the preview.
        cell = driver.find_element(By.CSS_SELECTOR, '[data-path="indicators.rd_spend.current"]')
        cell.send_keys(Keys.CONTROL, "a")
        latencies = []
        before = previewed(driver)
        for ch in "5.44":
            cell.send_keys(ch)
            wait.until(lambda d: previewed(d) > before)
            before = previewed(driver)
        wait.until(lambda d: "增长100.0%" in d.find_element(By.ID, "preview").text)
        latencies = driver.execute_script("return window.zongjieLatencies")
        # Keyboard alone: Ctrl-S saves.
        cell.send_keys(Keys.CONTROL, "s")
        wait.until(lambda d: d.find_element(By.ID, "status").text.strip() != "" and "current = 5.44" in open(data, encoding="utf-8").read())
        saved = open(data, encoding="utf-8").read()
        missing = [c for c in comments if c not in saved]
        if missing:
            failures.append(f"comments lost on save: {missing[:3]}")
        if "current = 5.44" not in saved:
            failures.append("the new figure is not in the file")

        # The DOCX download.
        driver.find_element(By.ID, "download").click()
        deadline = time.time() + 20
        docx = None
        while time.time() < deadline:
            done = [f for f in os.listdir(downloads) if f.endswith(".docx")]
            if done:
                docx = os.path.join(downloads, done[0])
                break
            time.sleep(0.2)
        if not docx:
            failures.append("no DOCX downloaded")
        elif args.validate:
            r = subprocess.run([args.validate, docx], capture_output=True, text=True)
            print(r.stdout.strip())
            if r.returncode != 0:
                failures.append("the downloaded DOCX is not valid")

        # A section moved up: its heading comes first in the preview, and saved so in the file.
        first = "坚持党建引领，锻造过硬科技队伍"
        second = "聚焦核心指标，高质量完成目标任务"
        text = driver.find_element(By.ID, "preview").text
        assert text.index(first) < text.index(second), "the example's order"
        up = driver.find_element(By.CSS_SELECTOR, '.section-head[data-path="achievements.1"] button')
        up.send_keys(Keys.ENTER)
        wait.until(lambda d: d.find_element(By.ID, "preview").text.index(second) < d.find_element(By.ID, "preview").text.index(first))
        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: open(data, encoding="utf-8").read().index(second) < open(data, encoding="utf-8").read().index(first))
        if any(c not in open(data, encoding="utf-8").read() for c in comments):
            failures.append("comments lost on a move")

        # An error shown beside its field, and a save refused.
        paragraph = driver.find_element(By.CSS_SELECTOR, 'textarea[data-path^="achievements.0.paragraphs"]')
        paragraph.send_keys(Keys.END, "{{ind.nope.value}}")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".field.has-error"))
        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#findings .finding.error"))
        if "nope" in open(data, encoding="utf-8").read():
            failures.append("a save that does not check was written")
        if args.screenshots:
            driver.execute_script("document.querySelector('.field.has-error').scrollIntoView({block: 'center'})")
            driver.save_screenshot(os.path.join(args.screenshots, "serve-error.png"))
        if latencies:
            print(f"preview after a keystroke: median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms over {len(latencies)} keystrokes")
            if max(latencies) > 200:
                failures.append(f"a preview took {max(latencies):.0f} ms")
    finally:
        driver.quit()
        server.terminate()
        server.wait(5)
    if failures:
        print("FAILED:", *failures, sep="\n  ")
        sys.exit(1)
    print("desk: ok")


if __name__ == "__main__":
    main()
