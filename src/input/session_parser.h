// Walks one <session> element and builds a Session, collecting every
// violation of the contract rather than stopping at the first.
#ifndef VANBAN_INPUT_SESSION_PARSER_H_
#define VANBAN_INPUT_SESSION_PARSER_H_

#include <pugixml.hpp>

#include <optional>
#include <string>

#include "base/environment.h"
#include "input/reader.h"
#include "input/rich_text.h"
#include "input/session.h"
#include "input/xml_source.h"

namespace vanban::input {

class SessionParser {
 public:
  SessionParser(Environment& env, const XmlSource& source, const Requirements& needs,
                Diagnostics* diagnostics)
      : env_(env), source_(source), needs_(needs), diagnostics_(diagnostics) {}

  // Returns the session, or nothing when any error was reported.
  std::optional<Session> parse(const pugi::xml_node& element);

  // The same parser for another document of the same file (a chunk).
  SessionParser with_source(const XmlSource& source) const {
    return SessionParser(env_, source, needs_, diagnostics_);
  }
  // ... reporting to `diagnostics` instead.
  SessionParser with_source(const XmlSource& source, Diagnostics* diagnostics) const {
    return SessionParser(env_, source, needs_, diagnostics);
  }

 private:
  void error(const pugi::xml_node& node, Message message);
  void error(const pugi::xml_node& node, const char* attribute, Message message);
  // At the attribute, or at the element when `attribute` is null.
  void warning(const pugi::xml_node& node, const char* attribute, Message message);

  // What "12.345" is where a number is expected: an error where the
  // number counts things, a warning where it may be a decimal measure.
  enum class Ambiguity { kError, kWarning };

  // Required and optional pieces. Each reports its own error and returns
  // an empty value, so parsing goes on and finds the next problem too.
  pugi::xml_node child(const pugi::xml_node& parent, const char* name, bool required);
  std::string attribute(const pugi::xml_node& node, const char* name, bool required);
  std::string text(const pugi::xml_node& node, bool required);
  // Its unknown inline elements are errors; `findings` gets them too.
  RichText rich_text(const pugi::xml_node& node, bool required, const char* except = nullptr,
                     InlineFindings* findings = nullptr);
  std::optional<text::Date> date(const pugi::xml_node& node, const char* name, bool required);
  std::optional<text::ClockTime> clock(const pugi::xml_node& node, const char* name, bool required);
  std::optional<text::Decimal> number(const pugi::xml_node& node, const char* name, bool required,
                                      Ambiguity ambiguous);

  bool within_limits(const pugi::xml_node& session);
  void parse_when(const pugi::xml_node& session, Session* s);
  void parse_programme(const pugi::xml_node& session, Session* s);
  void parse_delegation(const pugi::xml_node& session, Session* s);
  void parse_host(const pugi::xml_node& session, Session* s);
  void parse_report(const pugi::xml_node& session, Session* s);
  void parse_conclusion(const pugi::xml_node& session, Session* s);
  void parse_photo(const pugi::xml_node& node, Session* s);
  void parse_notice(const pugi::xml_node& session, Session* s);
  void parse_minutes(const pugi::xml_node& session, Session* s);
  void parse_extras(const pugi::xml_node& session, Session* s);
  void check_dates(const pugi::xml_node& session, const Session& s);
  void check_speakers(const pugi::xml_node& session, const Session& s);
  std::string source_hash(const pugi::xml_node& element, const Session& s) const;

  Environment& env_;
  XmlSource source_;
  const Requirements& needs_;
  Diagnostics* diagnostics_;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_SESSION_PARSER_H_
