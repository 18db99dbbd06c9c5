#include "engine/metadata.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "text/case.h"
#include "text/date.h"

namespace vanban::engine {

namespace {

// A paragraph's text as it prints, white space collapsed and trimmed.
std::string text_of(const layout::Paragraph& paragraph) {
  std::string joined;
  for (const layout::Inline& piece : paragraph.inlines) joined += piece.text;
  std::string out;
  bool space = false;
  for (char c : joined) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Every paragraph in reading order, columns included.
void collect(const std::vector<layout::Block>& blocks, std::vector<const layout::Paragraph*>* out) {
  for (const layout::Block& block : blocks) {
    if (const auto* p = std::get_if<layout::Paragraph>(&block)) {
      out->push_back(p);
    } else if (const auto* columns = std::get_if<layout::Columns>(&block)) {
      for (const layout::Column& column : columns->columns) collect(column.blocks, out);
    }
  }
}

// The length of the space character `s` starts with at `i` (ASCII or
// no-break: the templates leave a blank number as no-break spaces for
// filling by hand), or 0.
std::size_t space_at(const std::string& s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;                                    // U+00A0
  if (s.compare(i, 3, "\xE2\x80\xAF") == 0 || s.compare(i, 3, "\xE2\x80\x87") == 0) return 3;  // U+202F, U+2007
  return 0;
}

// `s` without `prefix` and without the spaces around it.
std::string strip_prefix(std::string s, std::string_view prefix) {
  if (s.compare(0, prefix.size(), prefix) == 0) s.erase(0, prefix.size());
  std::size_t start = 0, n = 0;
  while (start < s.size() && (n = space_at(s, start)) > 0) start += n;
  std::size_t end = start, last = start;  // `last`: after the last non-space
  while (end < s.size()) {
    n = space_at(s, end);
    end += n ? n : 1;
    if (!n) last = end;
  }
  return s.substr(start, last - start);
}

// "Số: 15/TB-ĐKT" -> "15", "TB-ĐKT"; "Số:      /BB-ĐKT" (left blank for
// filling by hand) -> "", "BB-ĐKT".
void split_number(const std::string& line, std::string* number, std::string* notation) {
  std::string rest = strip_prefix(line, "Số:");
  const std::size_t slash = rest.find('/');
  *number = strip_prefix(rest.substr(0, slash), "");
  *notation = slash == std::string::npos ? std::string() : strip_prefix(rest.substr(slash + 1), "");
}

// "Tuyên Quang, ngày 14 tháng 6 năm 2023" -> "Tuyên Quang", 2023-06-14.
bool split_place_date(const std::string& line, std::string* place, text::Date* date) {
  const std::string kDay = ", ngày ";
  const std::size_t at = line.rfind(kDay);
  if (at == std::string::npos) return false;
  const char* p = line.c_str() + at + kDay.size();
  char* end = nullptr;
  const long day = std::strtol(p, &end, 10);
  const std::string kMonth = " tháng ", kYear = " năm ";
  if (end == p || std::string_view(end).rfind(kMonth, 0) != 0) return false;
  p = end + kMonth.size();
  const long month = std::strtol(p, &end, 10);
  if (end == p || std::string_view(end).rfind(kYear, 0) != 0) return false;
  p = end + kYear.size();
  const long year = std::strtol(p, &end, 10);
  if (end == p || day < 1 || day > 31 || month < 1 || month > 12) return false;
  *place = line.substr(0, at);
  *date = text::Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
  return true;
}

std::string iso_date(const text::Date& d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
  return out;
}

// "TRƯỞNG ĐOÀN" -> "Trưởng đoàn": the header and the signature print in
// capitals what an e-office system stores in sentence case.
std::string sentence_case(const std::string& s) { return text::capitalize_first(text::to_lower_vi(s)); }

// "- Sở Tài chính;" -> "Sở Tài chính".
std::string recipient(std::string line) {
  line = strip_prefix(line, "-");
  while (!line.empty() && (line.back() == ';' || line.back() == '.' || line.back() == ',')) line.pop_back();
  return line;
}

}  // namespace

std::string e_office_metadata(const input::Session& session, std::string_view kind,
                              const layout::Document& document, int pages) {
  std::vector<const layout::Paragraph*> paragraphs;
  collect(document.blocks, &paragraphs);

  std::string number_line, place_date, type, subject;
  nlohmann::ordered_json signers = nlohmann::ordered_json::array();
  nlohmann::ordered_json to_places = nlohmann::ordered_json::array();
  nlohmann::ordered_json signer;
  for (const layout::Paragraph* p : paragraphs) {
    const std::string text = text_of(*p);
    switch (p->role) {
      case layout::Role::kNumber: if (number_line.empty()) number_line = text; break;
      case layout::Role::kPlaceDate: if (place_date.empty()) place_date = text; break;
      case layout::Role::kDocType: if (type.empty()) type = text; break;
      case layout::Role::kTitle: subject += (subject.empty() ? "" : " ") + text; break;
      case layout::Role::kRecipient: to_places.push_back(recipient(text)); break;
      // A signer is "TM. ..." (optional), the position, then the name.
      case layout::Role::kSignerAuthority:
        signer = nlohmann::ordered_json::object();
        signer["Competence"] = text;
        break;
      case layout::Role::kSignerPosition:
        if (signer.contains("Position")) signer = nlohmann::ordered_json::object();
        signer["Position"] = sentence_case(text);
        break;
      case layout::Role::kSignerName:
        signer["FullName"] = text;
        signers.push_back(std::move(signer));
        signer = nlohmann::ordered_json::object();
        break;
      default: break;
    }
  }
  if (number_line.empty()) return std::string();

  std::string code_number, code_notation, place;
  split_number(number_line, &code_number, &code_notation);
  // The minutes print no place-date line: they are dated by the session.
  text::Date issued = session.date;
  const bool dated = split_place_date(place_date, &place, &issued);

  // The issuing body as the session names it, in its own case (the header
  // prints it in capitals): the notice's issuer, else the delegation,
  // under the province's People's Committee (the header's choice too).
  const std::string organ = session.notice ? session.notice->issuer : session.delegation_name.plain();
  const std::string parent = session.notice ? session.notice->issuer_parent : "UBND tỉnh " + session.province;

  nlohmann::ordered_json j;
  j["DocumentId"] = session.id + "/" + std::string(kind);
  j["OrganName"] = organ;
  j["OrganInCharge"] = parent;
  j["CodeNumber"] = code_number;
  j["CodeNotation"] = code_notation;
  j["IssuedDate"] = iso_date(issued);
  j["Place"] = dated ? nlohmann::ordered_json(place) : nlohmann::ordered_json();
  j["TypeName"] = sentence_case(type);
  j["Subject"] = subject;
  j["SignerInfo"] = std::move(signers);
  j["ToPlaces"] = std::move(to_places);
  j["PageAmount"] = pages;
  j["Language"] = "vi";
  // The session contract has no urgency or secrecy: the documents carry
  // neither mark, which Decree 30 reads as ordinary.
  j["Priority"] = "Thường";
  j["Confidentiality"] = "Thường";
  j["ConfidenceLevel"] = "Gốc điện tử";  // born digital, not a scan
  j["Keyword"] = document.metadata.keywords;
  j["Description"] = document.metadata.title;
  // Invalid UTF-8 cannot reach here (the input stage checks it); "replace"
  // keeps even that from throwing.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace vanban::engine
