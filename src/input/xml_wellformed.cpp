#include "input/xml_wellformed.h"

#include <cctype>
#include <string>
#include <vector>

namespace vanban::input {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Quotation marks a word processor types in place of " and '.
constexpr std::string_view kCurlyQuotes[] = {"\u201C", "\u201D", "\u2018", "\u2019", "\u201E", "\u00AB", "\u00BB"};

std::size_t curly_quote_at(std::string_view text, std::size_t i) {
  if (static_cast<unsigned char>(text[i]) < 0x80) return 0;
  for (std::string_view q : kCurlyQuotes) {
    if (text.compare(i, q.size(), q) == 0) return q.size();
  }
  return 0;
}

class Scanner {
 public:
  Scanner(const XmlSource& source, std::string_view text, Diagnostics* diagnostics)
      : source_(source), text_(text), diagnostics_(diagnostics) {}

  bool run() {
    std::size_t i = 0;
    while (i < text_.size() && ok_) {
      const std::size_t lt = text_.find('<', i);
      const std::size_t text_end = lt == std::string_view::npos ? text_.size() : lt;
      ampersands(i, text_end);
      const std::size_t cdata_end = text_.substr(0, text_end).find("]]>", i);
      if (ok_ && cdata_end != std::string_view::npos) {
        error(cdata_end, msg("']]>' is not allowed in text: write it as ]]&gt;"));
      }
      if (lt == std::string_view::npos || !ok_) break;
      i = markup(lt);
    }
    if (ok_ && !stopped_) {
      // The innermost first: closing it is the first thing to do.
      for (auto open = stack_.rbegin(); open != stack_.rend(); ++open) {
        error(open->offset, msg("element <{1}> opened at {2} is never closed (end it with </{1}>)", open->name,
                                place(open->offset)));
      }
    }
    return ok_;
  }

 private:
  struct Open {
    std::string name;
    std::size_t offset;
  };

  void error(std::size_t offset, Message message) {
    diagnostics_->error(source_.at_offset(offset), std::move(message));
    ok_ = false;
  }
  std::string place(std::size_t offset) const {
    const SourceLocation where = source_.at_offset(offset);
    return std::to_string(where.line) + ":" + std::to_string(where.column);
  }

  // A '&' must start a reference: "&amp;", "&#160;". Which names exist is
  // the entity check's business (reader.cpp).
  void ampersands(std::size_t from, std::size_t to) {
    // Searched in [from, to) only: a search to the end of the text, once
    // per text run, made the scan quadratic (6.5% of a bulk run in memchr).
    const std::string_view run = text_.substr(0, to);
    for (std::size_t i = run.find('&', from); i < to; i = run.find('&', i + 1)) {
      std::size_t end = i + 1;
      while (end < to && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '#' ||
                          text_[end] == '_' || text_[end] == '-' || text_[end] == '.')) {
        ++end;
      }
      if (end == i + 1 || end >= to || text_[end] != ';') {
        error(i, msg("a '&' alone is not allowed in XML: write it as &amp; (\"Tài nguyên &amp; Môi trường\")"));
        return;
      }
    }
  }

  std::size_t name_end(std::size_t i) const {
    while (i < text_.size() && !is_space(text_[i]) && text_[i] != '>' && text_[i] != '/' && text_[i] != '=' &&
           text_[i] != '<' && text_[i] != '"' && text_[i] != '\'' && !curly_quote_at(text_, i)) {
      ++i;
    }
    return i;
  }

  // The markup starting at text_[lt] == '<'; returns where text resumes.
  std::size_t markup(std::size_t lt) {
    const std::string_view rest = text_.substr(lt);
    if (rest.compare(0, 4, "<!--") == 0) return comment(lt);
    if (rest.compare(0, 9, "<![CDATA[") == 0) {
      return until(lt, "]]>", msg("a CDATA section opened here is never closed (end it with ]]>)"));
    }
    if (rest.compare(0, 2, "<?") == 0) {
      // "<?xml ...?>" only at the very start: a second one is usually a
      // second file pasted into the first.
      const std::size_t target_end = name_end(lt + 2);
      std::string target(text_.substr(lt + 2, target_end - lt - 2));
      for (char& c : target) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (target == "xml" && lt != 0) {
        error(lt, msg("an XML declaration <?xml ...?> may only open the file: is a second file pasted in here?"));
        return text_.size();
      }
      return until(lt, "?>", msg("a processing instruction opened here is never closed (end it with ?>)"));
    }
    if (rest.compare(0, 2, "<!") == 0) {  // a DOCTYPE: the parser and the reader refuse it
      stopped_ = true;
      return text_.size();
    }
    if (rest.compare(0, 2, "</") == 0) return end_tag(lt);
    const std::size_t name_begin = lt + 1;
    const std::size_t end = name_end(name_begin);
    const char first = end == name_begin ? ' ' : text_[name_begin];
    if (end == name_begin || std::isdigit(static_cast<unsigned char>(first)) || first == '-' || first == '.') {
      error(lt, msg("a '<' that starts no element: write a '<' in text as &lt;"));
      return text_.size();
    }
    return start_tag(lt, std::string(text_.substr(name_begin, end - name_begin)), end);
  }

  std::size_t until(std::size_t lt, std::string_view close, Message unclosed) {
    const std::size_t end = text_.find(close, lt);
    if (end == std::string_view::npos) {
      error(lt, std::move(unclosed));
      return text_.size();
    }
    return end + close.size();
  }

  std::size_t comment(std::size_t lt) {
    const std::size_t body = lt + 4;
    const std::size_t end = text_.find("-->", body);
    if (end == std::string_view::npos) {
      error(lt, msg("a comment opened here is never closed (end it with -->)"));
      return text_.size();
    }
    const std::size_t dashes = text_.substr(body, end - body).find("--");
    if (dashes != std::string_view::npos || (end > body && text_[end - 1] == '-')) {
      error(dashes != std::string_view::npos ? body + dashes : end - 1,
            msg("'--' is not allowed inside an XML comment: write a single '-' or a dash '–'"));
    }
    return end + 3;
  }

  std::size_t end_tag(std::size_t lt) {
    const std::size_t end = name_end(lt + 2);
    const std::string name(text_.substr(lt + 2, end - lt - 2));
    std::size_t gt = end;
    while (gt < text_.size() && is_space(text_[gt])) ++gt;
    if (gt >= text_.size() || text_[gt] != '>') {
      error(lt, msg("the end tag </{1}> has no '>'", name));
      return text_.size();
    }
    if (!stack_.empty() && stack_.back().name == name) {
      stack_.pop_back();
      return gt + 1;
    }
    std::size_t match = stack_.size();
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].name == name) {
        match = k;
        break;
      }
    }
    if (match < stack_.size()) {
      const Open& open = stack_[match + 1];
      error(open.offset, msg("element <{1}> opened at {2} is never closed (add </{1}> before </{3}> at {4})",
                             open.name, place(open.offset), name, place(lt)));
    } else if (stack_.empty()) {
      error(lt, msg("</{1}> closes no element: nothing is open here", name));
    } else {
      const Open& open = stack_.back();
      error(lt, msg("</{1}> does not close <{2}> opened at {3}: is the name misspelt, or <{2}> not closed?", name,
                    open.name, place(open.offset)));
    }
    return text_.size();
  }

  std::size_t start_tag(std::size_t lt, std::string name, std::size_t i) {
    std::vector<std::pair<std::string, std::size_t>> seen;
    while (i < text_.size()) {
      const std::size_t before_space = i;
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i >= text_.size()) break;
      if (text_[i] == '>') {
        stack_.push_back(Open{name, lt});
        return i + 1;
      }
      if (text_.compare(i, 2, "/>") == 0) return i + 2;
      if (text_[i] == '<') {
        error(i, msg("the start tag <{1}> opened at {2} has no '>' before the next '<'", name, place(lt)));
        return text_.size();
      }
      const std::size_t attribute = i;
      i = name_end(i);
      if (i == attribute || before_space == attribute) {
        error(attribute, msg("<{1}>: expected an attribute name, '>' or '/>' here", name));
        return text_.size();
      }
      const std::string attribute_name(text_.substr(attribute, i - attribute));
      for (const auto& [other, at] : seen) {
        if (other == attribute_name) {
          error(attribute, msg("attribute '{1}' is given twice in <{2}> (first at {3}): keep one", attribute_name,
                               name, place(at)));
          return text_.size();
        }
      }
      seen.emplace_back(attribute_name, attribute);
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i >= text_.size() || text_[i] != '=') {
        error(attribute, msg("attribute '{1}' of <{2}> has no value: write {1}=\"...\"", attribute_name, name));
        return text_.size();
      }
      ++i;
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i < text_.size() && curly_quote_at(text_, i)) {
        error(i, msg("attribute quotes must be straight quotes (\" or '), not “ ”: {1}=\"...\"", attribute_name));
        return text_.size();
      }
      if (i >= text_.size() || (text_[i] != '"' && text_[i] != '\'')) {
        error(i, msg("the value of attribute '{1}' must be in quotes: {1}=\"...\"", attribute_name));
        return text_.size();
      }
      const char quote = text_[i];
      const std::size_t close = text_.find(quote, i + 1);
      if (close == std::string_view::npos) {
        error(i, msg("the value of attribute '{1}' is never closed (end it with {2})", attribute_name,
                     std::string(1, quote)));
        return text_.size();
      }
      const std::size_t lt_inside = text_.substr(i + 1, close - i - 1).find('<');
      if (lt_inside != std::string_view::npos) {
        error(i + 1 + lt_inside, msg("a '<' inside the value of attribute '{1}': write it as &lt;, or close the quotes",
                                     attribute_name));
        return text_.size();
      }
      ampersands(i + 1, close);
      if (!ok_) return text_.size();
      i = close + 1;
    }
    error(lt, msg("the start tag <{1}> is never closed with '>'", name));
    return text_.size();
  }

  const XmlSource& source_;
  std::string_view text_;
  Diagnostics* diagnostics_;
  std::vector<Open> stack_;
  bool ok_ = true;
  bool stopped_ = false;
};

}  // namespace

bool check_well_formed(const XmlSource& source, std::string_view text, Diagnostics* diagnostics) {
  return Scanner(source, text, diagnostics).run();
}

}  // namespace vanban::input
