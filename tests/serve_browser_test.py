"""`vanban serve` in a real browser (Debian's chromium, headless, driven
by python3-selenium through chromium-driver): a secretary signs in, fills
the form for a whole session by typing, adds and reorders rows, uploads a
photo, waits for the preview, sees a bad date's error beside the date
field while the last good pages stay, downloads the PDFs and reads their
text; another account then cannot see the session. Saves the README's
screenshots under docs/ when VANBAN_SCREENSHOTS is set.

usage: serve_browser_test.py VANBAN_BINARY SOURCE_DIR
Exits 77 (skipped) when chromium cannot be started."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, Server, tiny_png  # noqa: E402

BINARY, SOURCE = sys.argv[1], sys.argv[2]
SKIP = 77

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as e:
    print('skipped: python3-selenium is not installed (%s)' % e)
    sys.exit(SKIP)

chromium = shutil.which('chromium')
chromedriver = shutil.which('chromedriver') or '/usr/bin/chromedriver'
if not chromium or not os.path.exists(chromedriver):
    print('skipped: chromium or chromium-driver is not installed')
    sys.exit(SKIP)


def start_browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                '--window-size=1400,1000', '--lang=vi', '--user-data-dir=' + profile]:
        options.add_argument(arg)
    from selenium.webdriver.chrome.service import Service
    return webdriver.Chrome(service=Service(chromedriver), options=options)


SID = 'tuyen-quang/chiem-hoa/2023-06-13'
users = {'thuky': (['tuyen-quang/chiem-hoa'], 'mat-khau-1'), 'khac': (['ha-giang'], 'mat-khau-2')}
shots = os.environ.get('VANBAN_SCREENSHOTS')
work = tempfile.mkdtemp(prefix='vanban-browser-')
failures = []
passes = []


def check(what, ok, detail=''):
    print(('ok    ' if ok else 'FAIL  ') + what + ('' if ok else ' ' + str(detail)))
    (passes if ok else failures).append(what)


with Server(BINARY, users=users) as server:
    try:
        driver = start_browser(os.path.join(work, 'profile'))
    except Exception as e:  # chromium present but cannot start here
        print('skipped: chromium cannot start: %s' % str(e).splitlines()[0])
        sys.exit(SKIP)
    wait = WebDriverWait(driver, 60)
    try:
        def field(key):
            return driver.find_element(By.CSS_SELECTOR, '[data-field="%s"] [data-key]' % key)

        def type_into(key, text):
            box = field(key)
            box.clear()
            box.send_keys(text)

        def add_row(list_id):
            driver.find_element(By.CSS_SELECTOR, '[data-list="%s"] > button.add' % list_id).click()

        def row_input(list_id, index, key):
            return driver.find_element(By.CSS_SELECTOR, '[data-field="%s.%d.%s"] [data-key]' % (list_id, index, key))

        def login(user, password):
            driver.get(server.url + '/')
            wait.until(lambda d: d.find_element(By.ID, 'login-user').is_displayed())
            driver.find_element(By.ID, 'login-user').send_keys(user)
            driver.find_element(By.ID, 'login-password').send_keys(password)
            driver.find_element(By.CSS_SELECTOR, '#login-form button').click()
            wait.until(lambda d: d.find_element(By.ID, 'app').is_displayed())

        login('thuky', 'mat-khau-1')
        driver.execute_script('localStorage.clear()')
        check('the page is in Vietnamese', 'Thời gian, địa điểm' in driver.page_source and 'Đoàn công tác' in driver.page_source)

        # Thời gian, địa điểm
        type_into('id', SID)
        type_into('when.date', '2023-06-13')
        Select(field('when.part')).select_by_value('chiều')
        type_into('when.time', '14:00')
        type_into('where.province', 'Tuyên Quang')
        type_into('where.unit', 'huyện Chiêm Hóa')
        type_into('where.venue', 'Trụ sở UBND huyện Chiêm Hóa')
        type_into('programme.short', 'Đề án 06')
        type_into('programme.name', 'Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử')
        # Đoàn công tác: three members, the third moved up to second.
        type_into('delegation.name', 'Đoàn kiểm tra Đề án 06 tỉnh Tuyên Quang')
        for i, (name, title) in enumerate([('Nguyễn Văn An', 'Phó Chủ tịch UBND tỉnh'), ('Lê Văn Cường', 'Chánh Văn phòng'),
                                           ('Trần Thị Bình', 'Phó Giám đốc Công an tỉnh')]):
            add_row('delegation.members')
            row_input('delegation.members', i, 'name').send_keys(name)
            row_input('delegation.members', i, 'title').send_keys(title)
        row_input('delegation.members', 0, 'head').click()
        row_input('delegation.members', 0, 'role').send_keys('Trưởng đoàn')
        driver.find_elements(By.CSS_SELECTOR, '[data-list="delegation.members"] .row')[2].find_element(
            By.CSS_SELECTOR, 'button[aria-label="Chuyển lên"]').click()
        check('a row moves up', row_input('delegation.members', 1, 'name').get_attribute('value') == 'Trần Thị Bình')
        # Đơn vị làm việc
        type_into('host.unit', 'UBND huyện Chiêm Hóa')
        add_row('host.people')
        row_input('host.people', 0, 'name').send_keys('Nguyễn Tiến Dũng')
        row_input('host.people', 0, 'titles').send_keys('Phó Bí thư Huyện ủy\nChủ tịch UBND huyện')
        # Báo cáo (one paragraph row is there from the start)
        row_input('report.paragraphs', 0, 'text').send_keys('UBND huyện đã kịp thời chỉ đạo, triển khai thực hiện các nhiệm vụ trong Đề án.')
        add_row('report.figures')
        row_input('report.figures', 0, 'label').send_keys('Tỷ lệ hồ sơ trực tuyến')
        row_input('report.figures', 0, 'value').send_keys('58.5')
        row_input('report.figures', 0, 'unit').send_keys('%')
        add_row('difficulties')
        row_input('difficulties', 0, 'text').send_keys('Đường truyền dữ liệu nhiều lúc không ổn định')
        # Kết luận
        type_into('conclusion.assessment', 'Đoàn đánh giá cao các bước triển khai Đề án 06 trên địa bàn huyện.')
        add_row('conclusion.tasks')
        row_input('conclusion.tasks', 0, 'text').send_keys('Rà soát, làm sạch dữ liệu dân cư')
        row_input('conclusion.tasks', 0, 'to').send_keys('Công an tỉnh')
        # Thông báo
        type_into('notice.number', '15/TB-ĐKT')
        type_into('notice.date', '2023-06-14')
        type_into('notice.place', 'Tuyên Quang')
        type_into('notice.issuer', 'Đoàn kiểm tra Đề án 06')
        type_into('notice.signer_position', 'Trưởng đoàn')
        type_into('notice.signer_name', 'Nguyễn Văn An')
        add_row('notice.recipients')
        row_input('notice.recipients', 0, 'text').send_keys('UBND huyện Chiêm Hóa')
        # Biên bản
        type_into('minutes.start', '14:00')
        type_into('minutes.end', '16:30')
        type_into('minutes.chair', 'Nguyễn Văn An')
        type_into('minutes.secretary', 'Lê Văn Cường')
        add_row('minutes.speeches')
        row_input('minutes.speeches', 0, 'speaker').send_keys('Nguyễn Tiến Dũng')
        row_input('minutes.speeches', 0, 'text').send_keys('Báo cáo kết quả triển khai Đề án 06.')
        # Tin bài, with a photo
        type_into('article.author', 'Huy Dương')
        add_row('photos')
        photo = os.path.join(work, 'anh.png')
        with open(photo, 'wb') as f:
            f.write(tiny_png(40, 30))
        driver.find_element(By.CSS_SELECTOR, '[data-field="photos.0.src"] input[type=file]').send_keys(photo)
        wait.until(lambda d: row_input('photos', 0, 'src').get_attribute('value').startswith('photos/p-'))
        row_input('photos', 0, 'caption').send_keys('Các đại biểu dự buổi làm việc.')
        check('the photo is uploaded under a server-chosen name', True)

        # The preview
        t0 = time.time()
        wait.until(lambda d: 'Đã lưu lúc' in d.find_element(By.ID, 'status').text and
                   len(d.find_elements(By.CSS_SELECTOR, '#pages img.page')) >= 3)
        pages = len(driver.find_elements(By.CSS_SELECTOR, '#pages img.page'))
        check('the preview shows the pages (%d) %.1f s after typing stopped' % (pages, time.time() - t0), pages >= 3)
        errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '#form .error') if e.text]
        check('no error on a whole session', not errors, errors)
        if shots:
            driver.execute_script('window.scrollTo(0, 0)')
            driver.save_screenshot(os.path.join(shots, 'serve-form.png'))
            driver.execute_script("document.querySelector('.preview').scrollTop = 0;"
                                  "document.querySelector('[data-field=\"article.author\"]').scrollIntoView()")
            driver.save_screenshot(os.path.join(shots, 'serve-preview.png'))

        # A bad date: its error beside the date field, the last pages kept.
        first_page = driver.find_element(By.CSS_SELECTOR, '#pages img.page').get_attribute('src')
        type_into('when.date', '2023-02-30')
        error = driver.find_element(By.CSS_SELECTOR, '[data-field="when.date"] > .error')
        wait.until(lambda d: error.text != '')
        check('the bad date is reported beside the date field, in Vietnamese', 'ngày' in error.text.lower(), error.text)
        others = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '#form .error') if e.text and e != error]
        check('and nowhere else', not others, others)
        check('the last good preview stays', driver.find_element(By.CSS_SELECTOR, '#pages img.page').get_attribute('src') == first_page)
        if shots:
            driver.execute_script("document.querySelector('[data-field=\"when.date\"]').scrollIntoView(); window.scrollBy(0, -80)")
            driver.save_screenshot(os.path.join(shots, 'serve-error.png'))
        type_into('when.date', '2023-06-13')
        wait.until(lambda d: error.text == '' and 'Đã lưu lúc' in d.find_element(By.ID, 'status').text)

        # The downloads the buttons point at, with the browser's cookie.
        href = driver.find_element(By.ID, 'dl-news').get_attribute('href')
        check('the download button points at the news PDF', href.endswith('what=news'))
        me = Client(server)
        me.cookie = 'vb=' + driver.get_cookie('vb')['value']
        texts = {}
        for kind in ['news', 'conclusion', 'minutes']:
            r, pdf = me.request('GET', '/api/download?id=%s&what=%s' % (SID, kind))
            path = os.path.join(work, kind + '.pdf')
            with open(path, 'wb') as f:
                f.write(pdf)
            ok = r.status == 200 and pdf.startswith(b'%PDF')
            texts[kind] = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout if ok else ''
            check('%s PDF downloads' % kind, ok, r.status)
        flat = {k: ' '.join(v.split()) for k, v in texts.items()}
        check('the news article names the venue and the delegation head', 'Chiêm Hóa' in flat['news'] or 'Chiêm Hoá' in flat['news'])
        check('the notice carries its number and the task for Công an tỉnh', '15/TB-ĐKT' in flat['conclusion'] and 'Công an tỉnh' in flat['conclusion'])
        check('the minutes record the speech', 'Báo cáo kết quả triển khai Đề án 06' in flat['minutes'] and 'Lê Văn Cường' in flat['minutes'])
        r, z = me.request('GET', '/api/download?id=%s&what=zip' % SID)
        check('all documents as a ZIP', r.status == 200 and z[:2] == b'PK')
        r, xml = me.request('GET', '/api/download?id=%s&what=xml' % SID)
        check('the session XML', r.status == 200 and b'<session' in xml and 'Trần Thị Bình'.encode() in xml)
        check('the draft is on disk where vanban render reads it', os.path.isfile(os.path.join(server.data, SID, 'session.xml')))

        # Another account
        driver.delete_all_cookies()
        login('khac', 'mat-khau-2')
        options = [o.get_attribute('value') for o in driver.find_elements(By.CSS_SELECTOR, '#saved option')]
        check("another account's list does not show the session", SID not in options, options)
        status = driver.execute_script(
            "return fetch('/api/session?id=' + encodeURIComponent(arguments[0])).then(r => r.status)", SID)
        check('nor can it open it', status == 404, status)
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)

print('%d passed, %d failed' % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
