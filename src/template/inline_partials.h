// Partials written into the template that includes them, once, when the
// templates are loaded. kainjow parses a partial's text again at every
// inclusion ({{> head-title}} three times per notice, {{> news-photo}} per
// photo); a template with its partials already in place is parsed once.
#ifndef VANBAN_TEMPLATE_INLINE_PARTIALS_H_
#define VANBAN_TEMPLATE_INLINE_PARTIALS_H_

#include <map>
#include <string>

namespace vanban::templating {

// `source` with every {{> name}} replaced by `partials`' text for `name`,
// itself with its own partials in place. A partial that includes itself,
// directly or through others, stays a tag (kainjow includes it at run time,
// within the limits of render.cpp), and so does every tag of a template
// that changes its delimiters ({{=<% %>=}}), which this does not follow.
std::string inline_partials(const std::string& source, const std::map<std::string, std::string>& partials);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_INLINE_PARTIALS_H_
