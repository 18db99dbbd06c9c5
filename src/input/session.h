// The typed session model: what one <session> of the XML contract says,
// validated, with every string already UTF-8 checked, NFC and with its white
// space collapsed. Tone style and case are left to later stages.
#ifndef VANBAN_INPUT_SESSION_H_
#define VANBAN_INPUT_SESSION_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "text/date.h"
#include "text/number.h"

namespace vanban::input {

// Free text with the inline marks the contract allows (<b>, <i>, <keep>).
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool keep = false;  // exempt from the tone-style rewrite
};

struct RichText {
  std::vector<Span> spans;

  std::string plain() const;  // the text without marks
  bool empty() const { return spans.empty(); }
};

struct Member {
  std::string name;
  std::string title;
  std::string role;  // may be empty
  bool head = false;
};

struct HostPerson {
  std::string name;
  std::vector<std::string> titles;
};

struct Figure {
  std::string label;
  text::Decimal value;
  std::string unit;                   // may be empty
  std::optional<text::Decimal> of;    // "297/297"
};

enum class Anchor { kLead, kAttendance, kReport, kDifficulties, kEarlier, kConclusion, kEnd };

// Image facts read from the file's header, so that layout can size the
// photo and the PDF stage can embed it without guessing.
struct ImageInfo {
  // kWebp, kHeif: photos only, which are decoded and encoded afresh as JPEG.
  enum class Format { kJpeg, kPng, kWebp, kHeif } format = Format::kJpeg;
  int width = 0;   // as shown: EXIF Orientation 5..8 swaps the stored sizes
  int height = 0;
  int orientation = 1;  // EXIF (JPEG only); the stored pixels turn this way
};

struct Photo {
  SourceLocation where;
  std::string src;   // as written in the XML
  std::string path;  // resolved against the XML file's folder
  ImageInfo info;
  std::shared_ptr<const std::string> data;  // the file's bytes, read once
  std::string sha256;  // of data, hex: with path, what the engine caches by
  // Why the photo cannot be used (with where it is named), or empty: it
  // fails the documents that place it, not the session.
  std::string error;
  RichText caption;
  Anchor after = Anchor::kEnd;
};

struct Decision {
  std::string number;
  std::optional<text::Date> date;
  std::string issuer;
};

struct Signer {
  std::string authority;  // "TM. ĐOÀN CÔNG TÁC"; may be empty
  std::string position;
  std::string name;
};

struct Notice {
  std::string number;
  text::Date date;
  std::string place;
  std::string issuer;
  std::string issuer_parent;  // may be empty
  Signer signer;
  std::vector<std::string> recipients;
};

// A task the conclusion sets, and who must carry it out.
struct Task {
  RichText text;
  std::string to;  // the addressee ("Sở Tài chính"); empty: the host
};

// A proposal (kiến nghị, đề xuất) the host raised, and the delegation's
// answer to it, if it gave one.
struct Proposal {
  RichText text;
  RichText answer;  // may be empty
};

struct Speech {
  std::string speaker;
  RichText text;
};

struct Minutes {
  text::ClockTime start;
  text::ClockTime end;
  std::string chair;
  std::string secretary;
  std::string number;  // may be empty: left blank for filling by hand
  std::vector<Speech> speeches;
  // When the minutes were read out and passed; absent: when the session ended.
  std::optional<text::ClockTime> passed;
  RichText closing;  // a closing line of the user's own; may be empty
  std::vector<std::string> recipients;  // may be empty: the template's default
};

// An element or attribute the contract does not name: kept so that user
// templates can print their own fields.
struct Extra {
  std::string text;
  std::map<std::string, std::string> attributes;
  std::vector<std::pair<std::string, Extra>> children;
};

struct Session {
  SourceLocation where;  // the <session> element
  // SHA-256 of the session's XML text (and of the photos it uses), so that
  // a re-run can tell that a document's input has not changed.
  std::string source_hash;
  std::string id;
  text::Date date;
  std::string part;                       // "chiều"; may be empty
  std::optional<text::ClockTime> time;
  std::string province;
  std::string unit;   // "huyện Chiêm Hóa"
  std::string venue;  // may be empty
  std::string programme_short;
  RichText programme_name;
  std::optional<Decision> decision;
  RichText delegation_name;
  // How the delegation calls itself in a sentence ("Đoàn công tác", "Tổ
  // công tác", "Ban Chỉ đạo") and its level ("tỉnh"): from <delegation
  // kind level>, else read from its name; level may be empty.
  std::string delegation_kind;
  std::string delegation_level;
  std::vector<Member> members;
  std::string host_unit;
  std::string host_level;
  std::vector<HostPerson> host_people;
  std::vector<RichText> host_groups;
  std::vector<RichText> report;
  RichText report_summary;  // may be empty
  std::vector<Figure> figures;
  std::vector<Proposal> proposals;
  std::vector<RichText> difficulties;
  RichText earlier;
  RichText assessment;
  std::vector<RichText> strengths;
  std::vector<RichText> weaknesses;
  std::vector<Task> tasks;
  std::vector<Photo> photos;
  std::string article_author;    // empty when <article> is absent
  std::string article_category;
  std::optional<Notice> notice;
  std::optional<Minutes> minutes;
  std::vector<std::pair<std::string, Extra>> extras;  // unknown children of <session>
  std::map<std::string, std::string> extra_attributes;  // unknown attributes of <session>
  // What was probably not meant but did not stop the session (a misspelt
  // element, a notice dated before the session): the front end prints
  // them, and --strict refuses the session for them.
  Diagnostics warnings;

  const Member* head() const;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_SESSION_H_
