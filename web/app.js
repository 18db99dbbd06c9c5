// vanban serve: the form for one working session. The fields are built
// from SECTIONS below; each input carries data-field, the id the server
// uses for its errors ("delegation.members.1.name"). User data only ever
// goes into .value and .textContent, never into HTML.
'use strict';

const PARTS = ['', 'sáng', 'trưa', 'chiều', 'tối'];
const AFTER = [['', 'Cuối bài'], ['lead', 'Sau đoạn mở đầu'], ['attendance', 'Sau thành phần dự'],
  ['report', 'Sau phần báo cáo'], ['difficulties', 'Sau khó khăn'], ['earlier', 'Sau lần kiểm tra trước'],
  ['conclusion', 'Sau kết luận']];

const SECTIONS = [
  { title: 'Thời gian, địa điểm', fields: [
    { id: 'id', label: 'Mã phiên', required: true, placeholder: 'tuyen-quang/chiem-hoa/2023-06-13',
      help: 'Tỉnh/huyện/ngày, chữ thường không dấu, nối bằng "-" và "/". Dùng làm tên thư mục của văn bản.' },
    { id: 'when.date', label: 'Ngày làm việc', type: 'date', required: true, help: 'Năm-tháng-ngày, ví dụ 2023-06-13; hoặc chọn trên lịch.' },
    { id: 'when.part', label: 'Buổi', type: 'select', options: PARTS.map((p) => [p, p || '(không ghi)']) },
    { id: 'when.time', label: 'Giờ bắt đầu', type: 'time', help: 'Giờ:phút, ví dụ 14:00.' },
    { id: 'where.province', label: 'Tỉnh', required: true, placeholder: 'Tuyên Quang' },
    { id: 'where.unit', label: 'Địa bàn làm việc', required: true, placeholder: 'huyện Chiêm Hóa', help: 'Ghi cả cấp: huyện ..., xã ..., thành phố ...' },
    { id: 'where.venue', label: 'Nơi họp', placeholder: 'Trụ sở UBND huyện Chiêm Hóa' },
    { id: 'programme.short', label: 'Tên ngắn của chương trình, đề án', required: true, placeholder: 'Đề án 06' },
    { id: 'programme.name', label: 'Tên đầy đủ của chương trình, đề án', type: 'textarea', required: true },
    { id: 'programme.decision_number', label: 'Số quyết định phê duyệt', placeholder: '06/QĐ-TTg' },
    { id: 'programme.decision_date', label: 'Ngày quyết định', type: 'date' },
    { id: 'programme.decision_issuer', label: 'Cơ quan ban hành quyết định', placeholder: 'Thủ tướng Chính phủ' },
  ] },
  { title: 'Đoàn công tác', fields: [
    { id: 'delegation.name', label: 'Tên đầy đủ của đoàn', type: 'textarea', required: true },
    { id: 'delegation.kind', label: 'Đoàn tự gọi là', placeholder: 'Đoàn công tác', help: 'Để trống thì lấy từ tên đoàn.' },
    { id: 'delegation.level', label: 'Cấp của đoàn', placeholder: 'tỉnh' },
    { id: 'delegation.members', label: 'Thành viên đoàn', type: 'list', add: 'Thêm thành viên',
      help: 'Đánh dấu đúng một người là Trưởng đoàn.', columns: [
        { id: 'name', label: 'Họ và tên', required: true }, { id: 'title', label: 'Chức vụ', required: true },
        { id: 'role', label: 'Vai trò trong đoàn', placeholder: 'Phó Trưởng đoàn' },
        { id: 'head', label: 'Trưởng đoàn', type: 'checkbox' }] },
  ] },
  { title: 'Đơn vị làm việc', fields: [
    { id: 'host.unit', label: 'Cơ quan, đơn vị làm việc với đoàn', required: true, placeholder: 'UBND huyện Chiêm Hóa' },
    { id: 'host.level', label: 'Cấp', placeholder: 'huyện' },
    { id: 'host.people', label: 'Người dự của đơn vị', type: 'list', add: 'Thêm người', columns: [
      { id: 'name', label: 'Họ và tên', required: true },
      { id: 'titles', label: 'Chức vụ (mỗi dòng một chức vụ)', type: 'textarea' }] },
    { id: 'host.groups', label: 'Thành phần khác dự họp', type: 'list', add: 'Thêm thành phần', columns: [
      { id: 'text', label: 'Thành phần', placeholder: 'các thành viên tổ công tác cấp huyện' }] },
  ] },
  { title: 'Báo cáo', fields: [
    { id: 'report.paragraphs', label: 'Nội dung báo cáo (mỗi ô một đoạn)', type: 'list', add: 'Thêm đoạn', min: 1, columns: [
      { id: 'text', label: 'Đoạn', type: 'textarea', required: true }] },
    { id: 'report.summary', label: 'Tóm tắt báo cáo (cho biên bản)', type: 'textarea' },
    { id: 'report.figures', label: 'Số liệu chính', type: 'list', add: 'Thêm số liệu', columns: [
      { id: 'label', label: 'Nội dung', required: true }, { id: 'value', label: 'Giá trị', required: true, help: 'Dấu chấm thập phân: 58.5' },
      { id: 'unit', label: 'Đơn vị', placeholder: '%' }, { id: 'of', label: 'Trên tổng số', placeholder: '297' }] },
    { id: 'report.proposals', label: 'Kiến nghị, đề xuất của đơn vị', type: 'list', add: 'Thêm kiến nghị', columns: [
      { id: 'text', label: 'Kiến nghị', type: 'textarea', required: true },
      { id: 'answer', label: 'Đoàn trả lời', type: 'textarea' }] },
  ] },
  { title: 'Khó khăn', fields: [
    { id: 'difficulties', label: 'Khó khăn, vướng mắc', type: 'list', add: 'Thêm khó khăn', columns: [
      { id: 'text', label: 'Khó khăn', type: 'textarea' }] },
    { id: 'earlier', label: 'Lần kiểm tra trước có liên quan', type: 'textarea' },
  ] },
  { title: 'Kết luận', fields: [
    { id: 'conclusion.assessment', label: 'Đánh giá chung', type: 'textarea', required: true },
    { id: 'conclusion.strengths', label: 'Mặt làm tốt', type: 'list', add: 'Thêm mặt làm tốt', columns: [
      { id: 'text', label: 'Nội dung', type: 'textarea' }] },
    { id: 'conclusion.weaknesses', label: 'Hạn chế', type: 'list', add: 'Thêm hạn chế', columns: [
      { id: 'text', label: 'Nội dung', type: 'textarea' }] },
    { id: 'conclusion.tasks', label: 'Nhiệm vụ giao', type: 'list', add: 'Thêm nhiệm vụ', columns: [
      { id: 'text', label: 'Nhiệm vụ', type: 'textarea', required: true },
      { id: 'to', label: 'Giao cho', placeholder: 'để trống: đơn vị làm việc', help: 'Ví dụ: Sở Tài chính' }] },
  ] },
  { title: 'Thông báo kết luận', fields: [
    { id: 'notice.number', label: 'Số, ký hiệu', placeholder: '15/TB-ĐKT', required: true },
    { id: 'notice.date', label: 'Ngày ban hành', type: 'date', required: true },
    { id: 'notice.place', label: 'Địa danh', placeholder: 'Tuyên Quang', required: true },
    { id: 'notice.issuer', label: 'Cơ quan ban hành', required: true, placeholder: 'Đoàn khảo sát, kiểm tra Đề án 06' },
    { id: 'notice.issuer_parent', label: 'Cơ quan chủ quản', placeholder: 'UBND tỉnh Tuyên Quang' },
    { id: 'notice.signer_authority', label: 'Thẩm quyền ký', placeholder: 'TM. ĐOÀN CÔNG TÁC' },
    { id: 'notice.signer_position', label: 'Chức vụ người ký', placeholder: 'Trưởng đoàn', required: true },
    { id: 'notice.signer_name', label: 'Họ tên người ký', required: true },
    { id: 'notice.recipients', label: 'Nơi nhận', type: 'list', add: 'Thêm nơi nhận', columns: [
      { id: 'text', label: 'Nơi nhận', placeholder: 'Lưu: VT' }] },
  ] },
  { title: 'Biên bản', fields: [
    { id: 'minutes.number', label: 'Số, ký hiệu biên bản', placeholder: '07/BB-ĐKT', help: 'Để trống để ghi tay.' },
    { id: 'minutes.start', label: 'Bắt đầu lúc', type: 'time', required: true },
    { id: 'minutes.end', label: 'Kết thúc lúc', type: 'time', required: true },
    { id: 'minutes.passed', label: 'Thông qua biên bản lúc', type: 'time', help: 'Để trống: lúc kết thúc.' },
    { id: 'minutes.chair', label: 'Chủ trì', required: true },
    { id: 'minutes.secretary', label: 'Thư ký', required: true },
    { id: 'minutes.speeches', label: 'Ý kiến phát biểu', type: 'list', add: 'Thêm ý kiến', columns: [
      { id: 'speaker', label: 'Người phát biểu', required: true },
      { id: 'text', label: 'Nội dung', type: 'textarea', required: true }] },
    { id: 'minutes.closing', label: 'Câu kết biên bản', type: 'textarea' },
    { id: 'minutes.recipients', label: 'Nơi nhận biên bản', type: 'list', add: 'Thêm nơi nhận', columns: [
      { id: 'text', label: 'Nơi nhận' }] },
  ] },
  { title: 'Tin bài', fields: [
    { id: 'article.author', label: 'Tác giả', required: true, placeholder: 'Huy Dương' },
    { id: 'article.category', label: 'Chuyên mục', placeholder: 'Tin tức - Sự kiện' },
    { id: 'photos', label: 'Ảnh', type: 'list', add: 'Thêm ảnh', columns: [
      { id: 'src', label: 'Tệp ảnh (JPEG, PNG, tối đa 20 MB)', type: 'photo' },
      { id: 'caption', label: 'Chú thích', type: 'textarea' },
      { id: 'after', label: 'Vị trí trong bài', type: 'select', options: AFTER }] },
  ] },
];

const state = { csrf: '', base: '', savedId: '', timer: 0, saving: false, again: false, sessions: [] };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function $(id) { return document.getElementById(id); }

// One input (or select, textarea, checkbox) for a field; `key` is its
// data-field.
function input(field, key) {
  const id = 'f-' + key.replace(/[^a-z0-9_-]/gi, '-');
  let control;
  if (field.type === 'textarea') {
    control = el('textarea', { id, rows: 2, placeholder: field.placeholder });
  } else if (field.type === 'select') {
    control = el('select', { id });
    for (const [value, label] of field.options) control.append(el('option', { value, text: label }));
  } else if (field.type === 'checkbox') {
    control = el('input', { id, type: 'checkbox' });
  } else {
    control = el('input', { id, type: 'text', placeholder: field.placeholder || (field.type === 'date' ? 'NNNN-TT-NN' : field.type === 'time' ? 'HH:MM' : null),
      inputmode: field.type === 'time' || field.type === 'date' ? 'numeric' : null });
  }
  control.dataset.key = field.id;
  const box = el('div', { class: 'field' + (field.type === 'checkbox' ? ' check' : ''), dataset: { field: key } },
    el('label', { for: id, text: field.label + (field.required ? ' *' : '') }));
  if (field.type === 'date' || field.type === 'time') {
    // The text box holds what the contract wants; the picker beside it
    // writes that format into it.
    const picker = el('input', { type: field.type, class: 'picker', 'aria-label': 'Chọn ' + field.label.toLowerCase(), tabindex: -1 });
    picker.addEventListener('change', () => { control.value = picker.value; changed(); });
    box.append(el('div', { class: 'with-picker' }, control, picker));
  } else if (field.type === 'photo') {
    const file = el('input', { type: 'file', accept: 'image/jpeg,image/png', 'aria-label': field.label, class: 'photo-file' });
    control.readOnly = true;
    control.classList.add('photo-src');
    const thumb = el('img', { class: 'thumb', alt: '' });
    file.addEventListener('change', () => uploadPhoto(file, control, thumb));
    box.append(file, control, thumb);
  } else {
    box.append(control);
  }
  if (field.help) box.append(el('p', { class: 'help', text: field.help }));
  box.append(el('p', { class: 'error', role: 'alert' }));
  return box;
}

function addRow(list, field, values) {
  const rows = list.querySelector('.rows');
  const row = el('div', { class: 'row' });
  for (const column of field.columns) row.append(input(column, ''));
  const up = el('button', { type: 'button', class: 'small', text: '↑', 'aria-label': 'Chuyển lên' });
  const down = el('button', { type: 'button', class: 'small', text: '↓', 'aria-label': 'Chuyển xuống' });
  const remove = el('button', { type: 'button', class: 'small danger', text: 'Xóa', 'aria-label': 'Xóa dòng này' });
  up.addEventListener('click', () => { if (row.previousElementSibling) rows.insertBefore(row, row.previousElementSibling); renumber(list, field); changed(); });
  down.addEventListener('click', () => { if (row.nextElementSibling) rows.insertBefore(row.nextElementSibling, row); renumber(list, field); changed(); });
  remove.addEventListener('click', () => { row.remove(); renumber(list, field); changed(); });
  row.append(el('div', { class: 'row-buttons' }, up, down, remove));
  rows.append(row);
  if (values) setRow(row, field, values);
  renumber(list, field);
  return row;
}

// Field ids follow the rows' order: "report.figures.2.value".
function renumber(list, field) {
  [...list.querySelectorAll(':scope > .rows > .row')].forEach((row, i) => {
    for (const box of row.querySelectorAll(':scope > .field')) {
      const control = box.querySelector('[data-key]');
      box.dataset.field = `${field.id}.${i}.${control.dataset.key}`;
    }
  });
}

function setRow(row, field, values) {
  for (const control of row.querySelectorAll('[data-key]')) {
    const v = values[control.dataset.key];
    if (control.type === 'checkbox') control.checked = v === 'true' || v === true;
    else control.value = v || '';
    if (control.classList.contains('photo-src')) showThumb(control);
  }
}

function buildForm() {
  const form = $('form');
  for (const section of SECTIONS) {
    const fieldset = el('fieldset', { class: 'card' }, el('legend', { text: section.title }));
    for (const field of section.fields) {
      if (field.type === 'list') {
        const add = el('button', { type: 'button', class: 'add', text: '+ ' + field.add });
        const list = el('div', { class: 'list field', dataset: { field: field.id, list: field.id } },
          el('h3', { text: field.label }), field.help ? el('p', { class: 'help', text: field.help }) : null,
          el('p', { class: 'error', role: 'alert' }), el('div', { class: 'rows' }), add);
        add.addEventListener('click', () => { const row = addRow(list, field); row.querySelector('input,textarea')?.focus(); changed(); });
        fieldset.append(list);
      } else {
        fieldset.append(input(field, field.id));
      }
    }
    form.append(fieldset);
  }
  form.addEventListener('input', (e) => { if (!e.target.classList.contains('picker') && e.target.type !== 'file') changed(e.target); });
  form.addEventListener('change', (e) => { if (e.target.type === 'checkbox' || e.target.tagName === 'SELECT') changed(e.target); });
}

function fieldDef(id) {
  for (const s of SECTIONS) for (const f of s.fields) if (f.id === id) return f;
  return null;
}

function readForm() {
  const data = {};
  for (const s of SECTIONS) {
    for (const f of s.fields) {
      if (f.type === 'list') {
        const list = document.querySelector(`[data-list="${f.id}"]`);
        data[f.id] = [...list.querySelectorAll(':scope > .rows > .row')].map((row) => {
          const values = {};
          for (const c of row.querySelectorAll('[data-key]')) values[c.dataset.key] = c.type === 'checkbox' ? (c.checked ? 'true' : '') : c.value;
          return values;
        });
      } else {
        data[f.id] = document.querySelector(`[data-field="${f.id}"] [data-key]`).value;
      }
    }
  }
  return data;
}

function fillForm(data) {
  for (const s of SECTIONS) {
    for (const f of s.fields) {
      if (f.type === 'list') {
        const list = document.querySelector(`[data-list="${f.id}"]`);
        list.querySelector('.rows').replaceChildren();
        for (const values of data[f.id] || []) addRow(list, f, values);
        for (let i = (data[f.id] || []).length; i < (f.min || 0); ++i) addRow(list, f);
      } else {
        document.querySelector(`[data-field="${f.id}"] [data-key]`).value = data[f.id] || '';
      }
    }
  }
}

// --- Talking to the server ---------------------------------------------

async function api(method, url, body, type) {
  const headers = { 'X-CSRF-Token': state.csrf };
  if (body !== undefined) headers['Content-Type'] = type || 'application/json';
  const response = await fetch(url, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : (type ? body : JSON.stringify(body)) });
  let json = {};
  try { json = await response.json(); } catch (e) { json = {}; }
  if (response.status === 401) showLogin();
  return { status: response.status, json };
}

function setStatus(text) { $('status').textContent = text; }

function changed(target) {
  if (target && target.dataset && target.dataset.key === 'id' && !target.closest('.row')) state.base = '';
  try { localStorage.setItem('vanban-form', JSON.stringify(readForm())); } catch (e) { /* private mode */ }
  setStatus('Đang soạn…');
  clearTimeout(state.timer);
  // A moment after the typing stops.
  state.timer = setTimeout(save, 700);
}

async function save(force) {
  if (state.saving) { state.again = true; return; }
  state.saving = true;
  const form = readForm();
  setStatus('Đang lưu và dựng bản xem trước…');
  try {
    const { status, json } = await api('POST', '/api/save', { form, base: state.base, force: !!force });
    if (status === 409) {
      showConflict(json.conflict, form);
    } else if (json.saved) {
      $('conflict').hidden = true;
      state.base = json.revision;
      state.savedId = form.id;
      setDownloads(form.id);
      showErrors(json.errors || []);
      if (json.ok) {
        setStatus(`Đã lưu lúc ${json.saved_at}. Bản xem trước đã cập nhật.`);
        showPages(json.pages || []);
      } else {
        setStatus(`Đã lưu bản nháp lúc ${json.saved_at}. Còn ${json.errors.length} lỗi cần sửa; bản xem trước giữ lần đúng gần nhất.`);
      }
      refreshList();
    } else {
      showErrors(json.errors || [{ field: '', message: json.error || 'Không lưu được.' }]);
      setStatus('Chưa lưu được: xem lỗi bên cạnh ô nhập. Nội dung vẫn được giữ trên máy này.');
    }
  } catch (e) {
    setStatus('Mất kết nối tới máy chủ; nội dung vẫn được giữ trên máy này.');
  }
  state.saving = false;
  if (state.again) { state.again = false; save(); }
}

function showErrors(errors) {
  for (const p of document.querySelectorAll('#form .error')) p.textContent = '';
  for (const box of document.querySelectorAll('#form .invalid')) box.classList.remove('invalid');
  const general = [];
  for (const e of errors) {
    const box = e.field && document.querySelector(`#form [data-field="${CSS.escape(e.field)}"]`);
    if (box) {
      const p = box.querySelector(':scope > .error');
      p.textContent = p.textContent ? p.textContent + ' ' + e.message : e.message;
      p.title = e.detail || '';
      box.classList.add('invalid');
    } else {
      general.push(e.message);
    }
  }
  $('general-errors').textContent = general.join(' ');
}

// New pages replace the old only once they have all loaded, so the last
// good preview stays in view meanwhile.
function showPages(urls) {
  const images = urls.map((url, i) => el('img', { src: url, alt: `Trang ${i + 1} của bản xem trước`, class: 'page' }));
  Promise.all(images.map((img) => new Promise((resolve) => { img.onload = img.onerror = resolve; })))
    .then(() => $('pages').replaceChildren(...images));
}

function setDownloads(id) {
  for (const what of ['news', 'conclusion', 'minutes', 'zip', 'xml']) {
    $('dl-' + what).href = `/api/download?id=${encodeURIComponent(id)}&what=${what}`;
  }
}

function showConflict(conflict, mine) {
  $('conflict').hidden = false;
  $('conflict-text').textContent =
    `${conflict.saved_by || 'Người khác'} đã lưu phiên này lúc ${conflict.saved_at}. Bản của họ đang được giữ; ` +
    'những gì bạn vừa gõ CHƯA được lưu. Chọn dùng bản của họ, hoặc ghi đè bằng bản của bạn.';
  $('conflict-theirs').onclick = () => { fillForm(conflict.form); state.base = conflict.revision; $('conflict').hidden = true; save(); };
  $('conflict-mine').onclick = () => { fillForm(mine); state.base = conflict.revision; $('conflict').hidden = true; save(true); };
}

async function uploadPhoto(file, control, thumb) {
  const id = readForm().id;
  const box = control.closest('.field');
  const error = box.querySelector('.error');
  error.textContent = '';
  if (!file.files.length) return;
  if (!id) { error.textContent = 'Nhập mã phiên trước khi tải ảnh.'; return; }
  const blob = file.files[0];
  if (blob.size > 20 * 1024 * 1024) { error.textContent = 'Ảnh quá lớn (tối đa 20 MB).'; return; }
  const { status, json } = await api('POST', `/api/photo?id=${encodeURIComponent(id)}`, blob, blob.type || 'application/octet-stream');
  if (status !== 200) { error.textContent = json.error || 'Không tải được ảnh.'; return; }
  control.value = json.src;
  showThumb(control);
  changed();
}

function showThumb(control) {
  const thumb = control.parentElement.querySelector('.thumb');
  const id = readForm().id;
  const name = control.value.replace(/^photos\//, '');
  if (thumb && /^p-[0-9a-f]{16}\.(jpg|png)$/.test(name)) thumb.src = `/api/photo?id=${encodeURIComponent(id)}&name=${name}`;
}

async function refreshList() {
  const { status, json } = await api('GET', '/api/sessions');
  if (status !== 200) return;
  state.sessions = json.sessions;
  for (const select of [$('saved'), $('copy-from')]) {
    const current = select.value;
    select.replaceChildren(...json.sessions.map((s) => el('option', { value: s.id, text: `${s.id}${s.saved_by ? ' — ' + s.saved_by + ', ' + s.saved_at : ''}` })));
    if (current) select.value = current;
  }
}

async function openSession(id) {
  const { status, json } = await api('GET', `/api/session?id=${encodeURIComponent(id)}`);
  if (status !== 200) { setStatus(json.error || 'Không mở được phiên.'); return; }
  fillForm(json.form);
  state.base = json.revision;
  state.savedId = id;
  setDownloads(id);
  save();
}

// The people and addressees that stay the same from one session to the
// next of the same delegation.
const COPIED = ['delegation.name', 'delegation.kind', 'delegation.level', 'delegation.members',
  'notice.issuer', 'notice.issuer_parent', 'notice.signer_authority', 'notice.signer_position',
  'notice.signer_name', 'notice.recipients', 'minutes.recipients', 'minutes.chair', 'minutes.secretary'];

async function copyFrom(id) {
  const { status, json } = await api('GET', `/api/session?id=${encodeURIComponent(id)}`);
  if (status !== 200) return;
  const data = readForm();
  for (const key of COPIED) data[key] = json.form[key];
  fillForm(data);
  changed();
}

async function importFile(fileInput) {
  if (!fileInput.files.length) return;
  const text = await fileInput.files[0].text();
  const { status, json } = await api('POST', '/api/import', text, 'application/xml');
  if (status !== 200) { $('general-errors').textContent = json.error || 'Không nhập được tệp.'; return; }
  fillForm(json.form);
  state.base = '';
  changed();
}

function showLogin() {
  $('app').hidden = true;
  $('login').hidden = false;
}

function start(me) {
  state.csrf = me.csrf;
  $('who').textContent = me.accounts ? `Đang làm việc: ${me.user} (đơn vị: ${me.units.join(', ')})` : 'Chạy trên máy này, không cần tài khoản.';
  $('login').hidden = true;
  $('app').hidden = false;
  refreshList();
}

document.addEventListener('DOMContentLoaded', async () => {
  buildForm();
  let draft = null;
  try { draft = JSON.parse(localStorage.getItem('vanban-form') || 'null'); } catch (e) { draft = null; }
  fillForm(draft || {});
  $('open').addEventListener('click', () => $('saved').value && openSession($('saved').value));
  $('new').addEventListener('click', () => { fillForm({}); state.base = ''; $('pages').replaceChildren(); setStatus('Phiên mới.'); });
  $('copy').addEventListener('click', () => $('copy-from').value && copyFrom($('copy-from').value));
  $('import').addEventListener('change', () => importFile($('import')));
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const { status, json } = await api('POST', '/api/login', { user: $('login-user').value, password: $('login-password').value });
    if (status === 200) start(json);
    else $('login-error').textContent = json.error || 'Không đăng nhập được.';
  });
  const { status, json } = await api('GET', '/api/me');
  if (status === 200) start(json);
  else showLogin();
});
