// The conclusion notice (Thông báo kết luận, Decree 30 Mẫu 1.4):
// templates/conclusion.mustache.
#include "documents/kind.h"
#include "text/case.h"

namespace vanban::documents::kinds {

namespace {

mustache::data notice_data(const input::Session& s) {
  if (!s.notice) return mustache::data(false);
  const input::Notice& n = *s.notice;
  mustache::data d = object();
  d.set("number", pad_document_number(bare_number(n.number)));
  d.set("date", date_data(n.date));
  d.set("place", n.place);
  d.set("issuer", n.issuer);
  d.set("ISSUER", text::to_upper_vi(n.issuer));
  // A delegation ("Đoàn khảo sát, kiểm tra Đề án 06") is led by its
  // "Trưởng đoàn": the templates write the title from these.
  const std::string kDoan = "Đoàn ";
  const bool delegation = n.issuer.compare(0, kDoan.size(), kDoan) == 0;
  d.set("issuer_is_delegation", delegation);
  d.set("issuer_rest", delegation ? n.issuer.substr(kDoan.size()) : std::string());
  // A "Tổ" is led by its "Tổ trưởng", a "Ban" by its "Trưởng Ban".
  d.set("issuer_is_team", n.issuer.rfind("Tổ ", 0) == 0);
  d.set("issuer_is_board", n.issuer.rfind("Ban ", 0) == 0);
  d.set("issuer_is_other", !delegation && n.issuer.rfind("Tổ ", 0) != 0 && n.issuer.rfind("Ban ", 0) != 0);
  d.set("issuer_parent", n.issuer_parent);
  d.set("ISSUER_PARENT", text::to_upper_vi(n.issuer_parent));
  d.set("has_issuer_parent", !n.issuer_parent.empty());
  mustache::data signer = object();
  signer.set("authority", n.signer.authority);
  signer.set("AUTHORITY", text::to_upper_vi(n.signer.authority));
  signer.set("has_authority", !n.signer.authority.empty());
  signer.set("position", n.signer.position);
  signer.set("POSITION", text::to_upper_vi(n.signer.position));
  signer.set("name", n.signer.name);
  d.set("signer", signer);
  d.set("recipients", string_list(n.recipients, true));
  return d;
}

void add_context(const input::Session& s, const ContextTools&, mustache::data* c) {
  c->set("notice", notice_data(s));
}

}  // namespace

const DocumentKind& conclusion() {
  static const DocumentKind kind{
      "conclusion",
      "thông báo kết luận",
      1,
      "<notice>",
      [](input::Requirements* needs) { needs->notice = true; },
      [](const input::Session& s) { return s.notice.has_value(); },
      add_context,
  };
  return kind;
}

}  // namespace vanban::documents::kinds
