#!/usr/bin/env python3
"""Writes N synthetic working sessions for benchmarks and bulk tests.

Real province and district names, 2-8 report paragraphs, every field the
three documents use. Deterministic for a given --seed.

    bench/generate.py 1000 -o /tmp/bench/sessions.xml         # one <sessions> file
    bench/generate.py 1000 -o /tmp/bench/tree --files          # one file per session
"""
import argparse
import os
import random
from xml.sax.saxutils import escape, quoteattr

PROVINCES = {
    "Tuyên Quang": ["huyện Chiêm Hóa", "huyện Hàm Yên", "huyện Na Hang", "huyện Lâm Bình",
                    "huyện Sơn Dương", "huyện Yên Sơn", "thành phố Tuyên Quang"],
    "Hà Giang": ["huyện Đồng Văn", "huyện Mèo Vạc", "huyện Yên Minh", "huyện Quản Bạ",
                 "huyện Bắc Mê", "huyện Hoàng Su Phì", "thành phố Hà Giang"],
    "Lào Cai": ["huyện Bát Xát", "huyện Mường Khương", "huyện Si Ma Cai", "huyện Bắc Hà",
                "huyện Bảo Thắng", "thị xã Sa Pa", "thành phố Lào Cai"],
    "Thanh Hóa": ["huyện Thọ Xuân", "huyện Quảng Xương", "huyện Hoằng Hóa", "huyện Nga Sơn",
                  "thị xã Nghi Sơn", "thành phố Sầm Sơn"],
    "Quảng Ngãi": ["huyện Bình Sơn", "huyện Sơn Tịnh", "huyện Tư Nghĩa", "huyện Lý Sơn",
                   "huyện Mộ Đức", "thị xã Đức Phổ"],
    "Đắk Lắk": ["huyện Ea H'leo", "huyện Krông Búk", "huyện Cư M'gar", "huyện Lắk",
                "thị xã Buôn Hồ", "thành phố Buôn Ma Thuột"],
    "Cà Mau": ["huyện Thới Bình", "huyện U Minh", "huyện Trần Văn Thời", "huyện Năm Căn",
               "huyện Ngọc Hiển"],
}
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Khoa", "Lan", "Long",
         "Mai", "Nam", "Phúc", "Quân", "Sơn", "Thảo", "Thủy", "Trung", "Tuấn", "Yến"]
SENTENCES = [
    "UBND {u} đã kịp thời chỉ đạo, triển khai thực hiện các nhiệm vụ trong Đề án; ban hành các văn bản chỉ đạo, triển khai thực hiện đồng bộ, có hiệu quả theo từng giai đoạn.",
    "{U} đã thành lập {n} Tổ công tác triển khai Đề án 06 cấp thôn, tổ dân phố, trong đó Trưởng thôn là Tổ trưởng; Công an xã tham mưu cho Chủ tịch UBND xã thực hiện.",
    "Tỷ lệ tiếp nhận hồ sơ trên môi trường điện tử đối với 25 dịch vụ công thiết yếu trên địa bàn đạt {p}%, tăng so với cùng kỳ năm trước.",
    "Công tác thu nhận hồ sơ cấp căn cước công dân và kích hoạt tài khoản định danh điện tử được đẩy mạnh, với {n} hồ sơ được tiếp nhận trong tháng.",
    "Việc làm sạch dữ liệu dân cư được triển khai theo phương châm đúng, đủ, sạch, sống; các trường hợp sai lệch thông tin đã được rà soát, điều chỉnh kịp thời.",
    "Hạ tầng kỹ thuật, đường truyền và trang thiết bị phục vụ Đề án từng bước được đầu tư, nâng cấp, đáp ứng yêu cầu kết nối, chia sẻ dữ liệu theo Quyết định số 06/QĐ-TTg.",
    "Công tác tuyên truyền được thực hiện bằng nhiều hình thức phong phú, góp phần nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về lợi ích của chuyển đổi số.",
    "{U} đã ban hành {k} văn bản chỉ đạo, tổ chức {k} cuộc họp Tổ công tác và kiểm tra tiến độ thực hiện tại các xã, thị trấn.",
]


ADDRESSEES = ["Sở Tài chính", "Công an tỉnh", "Sở Thông tin và Truyền thông",
              "Văn phòng Điều phối Đề án 06 tỉnh"]
OTHER_HOSTS = ["Sở Tư pháp", "Sở Tài nguyên và Môi trường", "Ban Quản lý các khu công nghiệp"]
PROPOSALS = [("Đề nghị tỉnh hỗ trợ kinh phí mua sắm thiết bị đọc thẻ căn cước công dân",
              "Giao Sở Tài chính tham mưu bố trí kinh phí trong năm."),
             ("Đề nghị nâng cấp đường truyền cho Bộ phận một cửa cấp xã", ""),
             ("Đề nghị tập huấn cho công chức cấp xã về dịch vụ công trực tuyến",
              "Giao Sở Thông tin và Truyền thông tổ chức tập huấn trong quý tới.")]


LONG_NAMES = ["Công Tằng Tôn Nữ Thị Phương Thảo", "Nguyễn Thị Minh Khai Thanh", "Tôn Nữ Thị Hồng Vân",
              "Lê Nguyễn Hoàng Bảo Ngọc"]
ISSUERS = [("Đoàn kiểm tra Đề án 06", "TM. ĐOÀN KIỂM TRA", "Trưởng đoàn"),
           ("Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021 - 2025",
            "TM. BAN CHỈ ĐẠO", "Trưởng ban"),
           ("Đoàn khảo sát, kiểm tra công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
            "TM. ĐOÀN KHẢO SÁT", "Trưởng đoàn")]


def person(rng):
    if rng.random() < 0.1:
        return rng.choice(LONG_NAMES)
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def session(i, rng):
    province = rng.choice(sorted(PROVINCES))
    unit = rng.choice(PROVINCES[province])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = f"2024-{month:02d}-{day:02d}"
    head, deputy, host, secretary = person(rng), person(rng), person(rng), person(rng)
    slug = f"s{i:06d}"
    u = unit
    paragraphs = [rng.choice(SENTENCES).format(u=u, U=u[0].upper() + u[1:], n=rng.randint(10, 400),
                                               p=f"{rng.uniform(30, 99):.1f}".replace(".", ","),
                                               k=rng.randint(2, 15))
                  for _ in range(rng.randint(2, 8))]
    report = "\n".join(f"    <p>{escape(p)}</p>" for p in paragraphs)
    # Some sessions are held with a department rather than the local
    # government; some carry the optional parts of the contract, written
    # the way people type them (bullets, end punctuation, "Số:").
    if rng.random() < 0.2:
        host_unit = f"{rng.choice(OTHER_HOSTS)} tỉnh {province}"
        host_title = "Giám đốc Sở" if host_unit.startswith("Sở") else "Trưởng ban"
    else:
        host_unit = "UBND " + unit
        host_title = "Chủ tịch UBND " + unit.split(" ")[0]
    extra_report = ""
    if rng.random() < 0.5:
        extra_report += f"      <summary>{escape(rng.choice(paragraphs))}</summary>\n"
    if rng.random() < 0.5:
        extra_report += f'      <figure label="Tổ công tác cấp thôn được thành lập" value="{rng.randint(50, 300)}" of="300" unit="tổ"/>\n'
    for text, answer in rng.sample(PROPOSALS, rng.randint(0, 2)):
        inner = escape(text) + (f"<answer>{escape(answer)}</answer>" if answer else "")
        extra_report += f"      <proposal>{inner}</proposal>\n"
    extra_conclusion = ""
    if rng.random() < 0.5:
        extra_conclusion += "      <weakness>Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp</weakness>\n"
    for to in rng.sample(ADDRESSEES, rng.randint(0, 2)):
        extra_conclusion += f'      <task to={quoteattr(to)}>Phối hợp hướng dẫn {escape(unit)} triển khai các nhiệm vụ còn chậm</task>\n'
    bullet = rng.choice(["", "- ", "-"])
    end = rng.choice(["", ";", "."])
    number = rng.choice(["", "Số: "]) + f"{rng.randint(1, 99)}/TB-ĐKT"
    issuer, authority, position = rng.choice(ISSUERS)
    more_recipients = "".join(f"      <recipient>{escape(r)}</recipient>\n"
                              for r in rng.sample(ADDRESSEES, rng.randint(0, 4)))
    others = [person(rng) for _ in range(rng.randint(0, 3))]
    speeches = "".join(f'      <speech speaker="{p}">Đề nghị {escape(unit)} tiếp tục rà soát, làm sạch dữ liệu dân cư và đẩy mạnh thu nhận hồ sơ căn cước công dân.</speech>\n'
                       for p in [deputy] + others)
    return f"""  <session version="1" id="bench/{slug}">
    <when date="{date}" part="{rng.choice(['sáng', 'chiều'])}" time="{rng.choice(['08:00', '14:00'])}"/>
    <where province={quoteattr(province)} unit={quoteattr(unit)}/>
    <programme short="Đề án 06">
      <name>Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030</name>
      <decision number="06/QĐ-TTg" date="2022-01-06" issuer="Thủ tướng Chính phủ"/>
    </programme>
    <delegation>
      <name>Đoàn kiểm tra Đề án 06 tỉnh {escape(province)}</name>
      <member name="{head}" title="Phó Chủ tịch UBND tỉnh" role="Trưởng đoàn" head="true"/>
      <member name="{deputy}" title="Phó Giám đốc Công an tỉnh" role="Phó Trưởng đoàn"/>
{"".join(f'      <member name="{p}" title="Phó Giám đốc Sở Tư pháp" role="Thành viên"/>' + chr(10) for p in others)}
    </delegation>
    <host unit={quoteattr(host_unit)}>
      <person name="{host}"><title>{escape(host_title)}</title></person>
      <group>các thành viên Tổ công tác</group>
    </host>
    <report>
{report}
      <figure label="Tỷ lệ hồ sơ trực tuyến" value="{rng.uniform(30, 99):.1f}" unit="%"/>
{extra_report}    </report>
    <difficulties><item>Đường truyền dữ liệu nhiều lúc không ổn định</item></difficulties>
    <conclusion>
      <assessment>Đoàn kiểm tra đánh giá cao kết quả triển khai Đề án 06 trên địa bàn {escape(unit)}.</assessment>
      <task>Tiếp tục rà soát, làm sạch dữ liệu dân cư</task>
      <task>Đẩy mạnh thanh toán không dùng tiền mặt</task>
{extra_conclusion}    </conclusion>
    <article author="Ban Biên tập"/>
    <notice number="{number}" date="{date}" place={quoteattr(province)}>
      <issuer parent={quoteattr('UBND tỉnh ' + province)}>{escape(issuer)}</issuer>
      <signer authority="{authority}" position="{position}" name="{head}"/>
      <recipient>{bullet}{escape(host_unit)}{end}</recipient>
{more_recipients}      <recipient>{bullet}Lưu: VT{end}</recipient>
    </notice>
    <minutes start="14:00" end="16:30" chair="{head}" secretary="{secretary}">
      <speech speaker="{host}">Báo cáo kết quả triển khai Đề án 06.</speech>
{speeches}
    </minutes>
  </session>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--files", action="store_true", help="one file per session in a folder tree")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    header = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if args.files:
        for i in range(args.count):
            path = os.path.join(args.output, f"{i // 1000:03d}", f"s{i:06d}.xml")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            body = session(i, rng).replace("\n  ", "\n")
            with open(path, "w", encoding="utf-8") as f:
                f.write(header + body.strip() + "\n")
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(header + "<sessions>\n")
            for i in range(args.count):
                f.write(session(i, rng))
            f.write("</sessions>\n")


if __name__ == "__main__":
    main()
