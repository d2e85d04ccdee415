#!/usr/bin/env python3
"""The playground in a real browser: headless Chromium driven by Selenium.

Loads the page from a running `princip serve`, checks an example, flips a fact in the
what-if form and sees the verdict change, runs mend and applies a set, switches to
English, and saves a screenshot.

    playground_e2e.py http://127.0.0.1:8080 docs/playground.png
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

base, screenshot = sys.argv[1], sys.argv[2]

options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=da"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException])


def verdict():
    """The verdict shown; the panel is redrawn after each check, so look it up afresh."""
    return driver.find_element(By.ID, "verdict-title").get_attribute("data-verdict")


def step(text):
    print("playground:", text, flush=True)


try:
    driver.get(base + "/")
    wait.until(EC.presence_of_element_located((By.ID, "verdict-title")))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "da"
    step("the first example is judged on load: " + verdict())

    Select(driver.find_element(By.ID, "examples")).select_by_visible_text("halsnaes-bostoette-satisfied")
    wait.until(lambda d: verdict() == "compliant")
    findings = driver.find_elements(By.CSS_SELECTOR, "button.finding")
    assert findings, "no findings shown"
    step(f"example checked: compliant, {len(findings)} findings")

    # A finding opens its explanation with the keyboard.
    findings[0].send_keys("\n")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "button.finding").get_attribute("aria-expanded") == "true")
    assert "blockquote" in driver.find_element(By.CSS_SELECTOR, ".detail").get_attribute("innerHTML")

    # The four policies side by side.
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#compare-table thead th")) == 5)
    step("four policies side by side")

    # What if the offer were in another municipality?
    field = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '[data-path="interventions[0].provider"]')))
    Select(field).select_by_value("other_municipality")
    wait.until(lambda d: verdict() != "compliant")
    wait.until(EC.presence_of_element_located((By.ID, "moved-table")))
    assert "provider: other_municipality" in driver.find_element(By.ID, "yaml").get_attribute("value")
    step("flipped interventions[0].provider: verdict is now " + verdict())

    # Mend: the smallest change sets, one applied with a click.
    driver.find_element(By.ID, "mend").click()
    apply = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#mend-sets button.apply-mend")))
    apply.click()
    wait.until(lambda d: verdict() == "compliant")
    step("mend set applied: compliant again")

    # English, and the shareable link carries the proposal in its fragment.
    driver.find_element(By.ID, "lang").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    wait.until(lambda d: d.find_element(By.ID, "check").text == "Check")
    assert "#lang=en&p=" in driver.current_url
    link = driver.current_url
    driver.get("about:blank")
    driver.get(link)
    wait.until(lambda d: verdict() == "compliant")
    step("the link restores the proposal")

    Select(driver.find_element(By.ID, "examples")).select_by_visible_text("halsnaes-psychiatric-botilbud-violated")
    wait.until(lambda d: verdict() == "non_compliant")
    driver.find_elements(By.CSS_SELECTOR, "button.finding")[0].click()
    # A broken proposal shows its error at line and column.
    box = driver.find_element(By.ID, "yaml")
    driver.execute_script("arguments[0].value = 'case_id: x\\nmunicipality: [\\n'; arguments[0].dispatchEvent(new Event('input'));", box)
    wait.until(lambda d: "line 3" in d.find_element(By.ID, "yaml-error").text)
    step("an invalid proposal shows line and column")
    driver.get("about:blank")
    driver.get(link)
    wait.until(lambda d: verdict() == "compliant")
    driver.find_elements(By.CSS_SELECTOR, "button.finding")[0].click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".explain .tree"))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(screenshot)
    step("screenshot saved to " + screenshot)
finally:
    driver.quit()
