// Template stage: escaping, strict fields and error positions.
#include <catch2/catch.hpp>

#include "template/markup_text.h"
#include "template/render.h"

using namespace vanban;
using namespace vanban::templating;
namespace mustache = kainjow::mustache;

namespace {

bool render_text(const std::string& source, const mustache::data& context, std::string* out,
                 Diagnostics* d, const std::map<std::string, Template>& partials = {}) {
  return render(Template{"t.mustache", source}, context, partials, out, d);
}

}  // namespace

TEST_CASE("template: data is escaped and never interpreted") {
  mustache::data c(mustache::data::type::object);
  c.set("x", "{{#y}}<b>&amp;'\"{{/y}}");
  c.set("y", true);
  std::string out;
  Diagnostics d;
  REQUIRE(render_text("<p>{{x}}</p>", c, &out, &d));
  // The template's own tags carry their place (template/source_map.h).
  CHECK(out ==
        "<p src-at=\"t.mustache:1:1\">{{#y}}&lt;b&gt;&amp;amp;&apos;&quot;{{/y}}"
        "<?src-at t.mustache:1:9?></p>");
}

TEST_CASE("template: rich text becomes escaped markup with its marks") {
  input::RichText text;
  text.spans.push_back(input::Span{"a < b & ", false, false, false});
  text.spans.push_back(input::Span{"Luật Thủy sản", true, false, true});
  CHECK(to_markup(text) == "a &lt; b &amp; <b><keep>Luật Thủy sản</keep></b>");
}

TEST_CASE("template: an unknown field is an error at its line and column") {
  mustache::data c(mustache::data::type::object);
  c.set("name", "An");
  std::string out;
  Diagnostics d;
  CHECK_FALSE(render_text("<p>{{name}}</p>\n  <p>{{nmae}}</p>\n", c, &out, &d));
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].to_string() == "t.mustache:2:6: error: template: unknown field 'nmae' (see templates/README.md)");
}

TEST_CASE("template: syntax errors and unknown partials carry positions") {
  mustache::data c(mustache::data::type::object);
  c.set("s", true);
  std::string out;
  Diagnostics d;
  CHECK_FALSE(render_text("line one\nline {{#s}} two\n", c, &out, &d));
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].where.line == 2);
  CHECK(d.list()[0].message.find("Unclosed section") != std::string::npos);

  Diagnostics d2;
  CHECK_FALSE(render_text("a\n{{> missing}}", c, &out, &d2));
  REQUIRE(d2.size() == 1);
  CHECK(d2.list()[0].to_string() == "t.mustache:2:1: error: template: unknown partial 'missing'");
}

TEST_CASE("template: partials render in the current context") {
  mustache::data c(mustache::data::type::object);
  mustache::data items(mustache::data::type::list);
  for (const char* name : {"An", "Bình"}) {
    mustache::data item(mustache::data::type::object);
    item.set("name", name);
    items << item;
  }
  c.set("items", items);
  std::map<std::string, Template> partials{{"item", Template{"item.mustache", "[{{name}}]"}}};
  std::string out;
  Diagnostics d;
  REQUIRE(render_text("{{#items}}{{> item}}{{/items}}", c, &out, &d, partials));
  CHECK(out == "[An][Bình]");
}
