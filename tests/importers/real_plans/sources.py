"""What is typed into the four plans (see README.md for where each text comes from), as
plain data: make.py types it into LibreOffice, the tests count what the import made of
it against it. Each appendix or table row is (STT, task, lead, coordinators, deadline,
product) as printed; each group is (its number, its title, its rows).
"""

from __future__ import annotations

Row = tuple[str, str, str, str, str, str]
Group = tuple[str, str, list[Row]]

# ---------------------------------------------------------------- Bắc Ninh, 186/KH-UBND

#: The body's name over two lines of one paragraph (Shift+Enter), as often typed.
BAC_NINH_HEADER = (["ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", "-------"],
                   ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "---------------"])  # fmt: skip
BAC_NINH_BASES = [
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
    "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ ban hành Chương trình hành "
    "động thực hiện Nghị quyết số 57-NQ/TW;",
    "Căn cứ Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ về thúc đẩy tạo lập dữ liệu "
    "phục vụ chuyển đổi số toàn diện;",
    "Căn cứ Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ về việc Phê "
    "duyệt Chương trình phát triển Chính phủ số;",
    "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 164/TTr-SKHCN ngày 17/12/2025.",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn "
    "2026-2030, cụ thể như sau:",
]
BAC_NINH_PURPOSES = [
    "Tiếp tục nêu cao tinh thần trách nhiệm, tiên phong, gương mẫu trong quá trình triển khai "
    "thực hiện các nhiệm vụ được giao tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính "
    "trị, các chỉ đạo tại các phiên họp Ban Chỉ đạo Trung ương.",
    "Kịp thời cụ thể hóa, tổ chức thực hiện các nhiệm vụ được giao tại Quyết định số "
    "2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ.",
]
#: Part II: items "1.", each with its "-" duties (tasks without a lead in the body: the
#: appendix assigns them).
BAC_NINH_TASKS = [
    ("Phát triển hạ tầng số", [
        "Hoàn thiện hạ tầng Trung tâm dữ liệu tỉnh, kết nối với Trung tâm dữ liệu quốc gia.",
        "Mở rộng Mạng truyền số liệu chuyên dùng đến 100% cơ quan cấp xã.",
    ]),
    ("Phát triển dữ liệu số", [
        "Xây dựng, cập nhật các cơ sở dữ liệu chuyên ngành bảo đảm đúng, đủ, sạch, sống.",
        "Kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia qua nền tảng tích hợp dữ liệu.",
    ]),
]  # fmt: skip
BAC_NINH_DUTIES = [
    ("Sở Khoa học và Công nghệ", [
        "Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo "
        "cáo UBND tỉnh trước ngày 15/12 hằng năm.",
    ]),
    ("Sở Tài chính", [
        "Tham mưu bố trí kinh phí thực hiện Kế hoạch theo khả năng cân đối ngân sách.",
    ]),
    ("Các sở, ban, ngành; UBND các xã, phường", [
        "Xây dựng kế hoạch thực hiện của cơ quan, đơn vị; báo cáo kết quả định kỳ.",
    ]),
]  # fmt: skip
BAC_NINH_SIGNATURE = (
    ["Nơi nhận:", "- Bộ Khoa học và Công nghệ (b/c);", "- TTTU, TTHĐND tỉnh (b/c);",
     "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành;", "- UBND các xã, phường;",
     "- Lưu: VT, KGVX."],
    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Mai Sơn"],
)  # fmt: skip
BAC_NINH_APPENDIX_HEADING = [
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ PHÁT TRIỂN CHÍNH QUYỀN SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026-2030",
    "(Kèm theo Kế hoạch số 186/KH-UBND ngày 29/12/2025 của UBND tỉnh Bắc Ninh)",
]
TABLE_HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                "Thời gian hoàn thành", "Sản phẩm"]  # fmt: skip
_ALL = "Các sở, ban, ngành; UBND các xã, phường"
BAC_NINH_APPENDIX: list[Group] = [
    ("I", "HẠ TẦNG SỐ", [
        ("1", "Nâng cấp Trung tâm dữ liệu tỉnh đáp ứng tiêu chuẩn kết nối Trung tâm dữ liệu "
              "quốc gia", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Năm 2027",
         "Trung tâm dữ liệu được nâng cấp"),
        ("2", "Mở rộng Mạng truyền số liệu chuyên dùng cấp II đến các xã, phường",
         "Sở Khoa học và Công nghệ", "UBND các xã, phường", "Quý IV/2026",
         "100% xã, phường được kết nối"),
        ("3", "Triển khai hạ tầng điện toán đám mây cho các hệ thống thông tin dùng chung",
         "Sở Khoa học và Công nghệ", "Các doanh nghiệp viễn thông", "2026 - 2027",
         "Hệ thống được vận hành"),
        ("4", "Rà soát, thay thế thiết bị công nghệ thông tin đã hết khấu hao tại bộ phận một "
              "cửa cấp xã", "UBND các xã, phường", "Sở Tài chính", "Hằng năm",
         "Thiết bị được thay thế"),
    ]),
    ("II", "DỮ LIỆU SỐ", [
        ("1", "Xây dựng Kho dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ", _ALL,
         "Năm 2026", "Kho dữ liệu được vận hành"),
        ("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
         "Trung tâm Phục vụ hành chính công tỉnh", _ALL, "Trước ngày 30/6/2026",
         "Dữ liệu được số hóa"),
        ("3", "Xây dựng cơ sở dữ liệu đất đai, kết nối với cơ sở dữ liệu quốc gia về dân cư",
         "Sở Nông nghiệp và Môi trường", "Công an tỉnh", "Năm 2027",
         "Cơ sở dữ liệu được kết nối"),
        ("4", "Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh", "Sở Nội vụ",
         _ALL, "Quý III/2026", "Cơ sở dữ liệu được cập nhật"),
        ("5", "Công bố danh mục dữ liệu mở của cơ quan nhà nước tỉnh",
         "Sở Khoa học và Công nghệ", _ALL, "Hằng năm", "Quyết định của UBND tỉnh"),
    ]),
    ("III", "CHÍNH QUYỀN SỐ", [
        ("1", "Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ "
              "điều kiện", "Văn phòng UBND tỉnh", _ALL, "Thường xuyên",
         "Danh mục dịch vụ công được cập nhật"),
        ("2", "Triển khai hệ thống họp trực tuyến đến các xã, phường",
         "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Quý II/2026",
         "Hệ thống được vận hành"),
        ("3", "Triển khai ứng dụng chữ ký số trong xử lý văn bản tại 100% cơ quan nhà nước",
         "Văn phòng UBND tỉnh", _ALL, "Năm 2026", "Báo cáo kết quả"),
        ("4", "Xây dựng Hệ thống thông tin báo cáo của tỉnh kết nối với Hệ thống thông tin báo "
              "cáo Chính phủ", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Quý IV/2026",
         "Hệ thống được kết nối"),
        ("5", "Triển khai Đề án 06 về ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
         "Công an tỉnh", _ALL, "2026 - 2030", "Báo cáo kết quả"),
    ]),
    ("IV", "AN TOÀN THÔNG TIN VÀ NGUỒN NHÂN LỰC SỐ", [
        ("1", "Phê duyệt cấp độ an toàn hệ thống thông tin cho các hệ thống đang vận hành",
         "Sở Khoa học và Công nghệ", _ALL, "Quý II/2026", "Hồ sơ cấp độ được phê duyệt"),
        ("2", "Tổ chức diễn tập thực chiến bảo đảm an toàn thông tin mạng",
         "Công an tỉnh", "Sở Khoa học và Công nghệ", "Hằng năm", "Báo cáo diễn tập"),
        ("3", "Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ",
         "UBND các xã, phường", "Năm 2026", "Lớp bồi dưỡng được tổ chức"),
        ("4", "Tuyên truyền về chuyển đổi số trên Báo và Phát thanh, Truyền hình tỉnh",
         "Báo và Phát thanh, Truyền hình tỉnh", "Sở Văn hóa, Thể thao và Du lịch",
         "Thường xuyên", "Chuyên mục được duy trì"),
    ]),
]  # fmt: skip

# ------------------------------------------------ Văn phòng UBND tỉnh Lai Châu, 1888/KH-VPUBND

LAI_CHAU_HEADER = (["UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "-------"],
                   ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "---------------"])  # fmt: skip
LAI_CHAU_BASES = [
    "Thực hiện Kế hoạch số 8328/KH-UBND ngày 23/12/2025 của UBND tỉnh về cải cách hành chính "
    "tỉnh Lai Châu năm 2026; Văn phòng UBND tỉnh xây dựng kế hoạch cải cách hành chính năm "
    "2026 như sau:",
]
LAI_CHAU_PURPOSES = [
    "Tiếp tục triển khai hiệu quả Chương trình tổng thể cải cách hành chính (CCHC) nhà nước "
    "đảm bảo đúng lộ trình quy định tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
    "Cụ thể hoá các mục tiêu, nhiệm vụ, triển khai đồng bộ, thống nhất và hiệu quả các nội "
    "dung cải cách hành chính tại cơ quan Văn phòng.",
    "Các mục tiêu, nhiệm vụ, giải pháp cải cách hành chính phải cụ thể có trọng tâm, trọng "
    "điểm, phù hợp với điều kiện thực tế của cơ quan Văn phòng.",
    "Xác định rõ trách nhiệm của từng đơn vị; đề cao vai trò, trách nhiệm của người đứng đầu "
    "trong việc chỉ đạo, tổ chức thực hiện nhiệm vụ cải cách hành chính.",
]
#: Part II: items "1." holding "1.1." tasks, each followed by its field lines:
#: (item title, [(task, lead, coordinators, deadline)]).
LAI_CHAU_TASKS = [
    ("Công tác chỉ đạo, điều hành", [
        ("Kịp thời xây dựng kế hoạch cải cách hành chính; chỉ đạo thực hiện tốt các nội dung "
         "cải cách hành chính thuộc chức năng, nhiệm vụ", "Phòng Hành chính - Tổ chức",
         "Các phòng, đơn vị thuộc Văn phòng", "Tháng 01/2026"),
        ("Tăng cường công tác kiểm tra, giám sát việc triển khai thực hiện các nhiệm vụ cải "
         "cách hành chính năm 2026", "Phòng Hành chính - Tổ chức", "", "Quý III/2026"),
        ("Báo cáo kết quả thực hiện công tác cải cách hành chính định kỳ",
         "Phòng Hành chính - Tổ chức", "Các phòng, đơn vị thuộc Văn phòng",
         "Trước ngày 15/6/2026"),
    ]),
    ("Cải cách thể chế", [
        ("Rà soát, kiểm tra các văn bản quy phạm pháp luật do Văn phòng tham mưu ban hành",
         "Phòng Nội chính", "Phòng Kinh tế", "Quý II/2026"),
        ("Kịp thời phát hiện và tham mưu xử lý các quy định chồng chéo, mâu thuẫn, hết hiệu "
         "lực", "Phòng Nội chính", "", "Thường xuyên"),
    ]),
    ("Cải cách thủ tục hành chính", [
        ("Rà soát, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý của Văn phòng",
         "Phòng Kiểm soát thủ tục hành chính", "", "Quý IV/2026"),
        ("Công khai, minh bạch thủ tục hành chính trên Cổng Dịch vụ công",
         "Phòng Kiểm soát thủ tục hành chính", "Trung tâm Phục vụ hành chính công tỉnh",
         "Thường xuyên"),
        ("Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành "
         "chính", "Phòng Kiểm soát thủ tục hành chính", "", "Thường xuyên"),
    ]),
    ("Chuyển đổi số", [
        ("Xử lý văn bản, hồ sơ công việc trên môi trường mạng, ký số văn bản đi",
         "Phòng Hành chính - Tổ chức", "Các phòng, đơn vị thuộc Văn phòng", "Năm 2026"),
        ("Vận hành Hệ thống thông tin báo cáo của tỉnh", "Trung tâm Thông tin - Công báo", "",
         "Thường xuyên"),
    ]),
]  # fmt: skip
LAI_CHAU_DUTIES = [
    ("Các phòng, đơn vị thuộc Văn phòng", [
        "Căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện Kế hoạch.",
    ]),
    ("Phòng Hành chính - Tổ chức", [
        "Theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Lãnh đạo Văn phòng.",
    ]),
]  # fmt: skip
LAI_CHAU_SIGNATURE = (
    ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Lãnh đạo Văn phòng;",
     "- Các phòng, đơn vị thuộc Văn phòng;", "- Lưu: VT, HCTC."],
    ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "", "", "Lò Văn Minh"],
)  # fmt: skip

# ------------------------------------------------ Chủ tịch UBND tỉnh Đắk Nông, 561/KH-UBND

DAK_NONG_HEADING = [
    ["UBND TỈNH ĐẮK NÔNG"],
    ["PHỤ LỤC"],
    ["NHIỆM VỤ TRỌNG TÂM CẢI THIỆN, NÂNG CAO CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ TỈNH ĐẮK NÔNG"],
    ["(Kèm theo Kế hoạch số 561/KH-UBND ngày 29/9/2022 của Chủ tịch UBND tỉnh Đắk Nông)"],
]
_DISTRICTS = "UBND các huyện, thành phố Gia Nghĩa"
DAK_NONG_APPENDIX: list[Group] = [
    ("1", "Về Nhận thức số", [
        ("1.1", "Duy trì chuyên trang, chuyên mục riêng về chuyển đổi số và bảo đảm tần suất "
                "phát sóng", "Cổng thông tin điện tử tỉnh",
         f"Đài Phát thanh và Truyền hình tỉnh; Báo Đắk Nông; {_DISTRICTS}", "Thường xuyên",
         "Chuyên mục được duy trì"),
    ]),
    ("2", "Về Thể chế số", [
        ("2.1", "Hướng dẫn về các nhiệm vụ chi cho chuyển đổi số của tỉnh", "Sở Tài chính",
         "Sở Thông tin và Truyền thông", "31/12/2022", "Văn bản hướng dẫn"),
        ("2.2", "Tham mưu chính sách thuê chuyên gia đối với những vị trí công chức, viên chức "
                "chưa đáp ứng", "Sở Thông tin và Truyền thông", "Sở Nội vụ;\nSở Tài chính", "Năm 2023",
         "Dự thảo chính sách"),
    ]),
    ("3", "Về Hạ tầng số", [
        ("3.1", "Triển khai các nền tảng dùng chung của tỉnh theo khuyến nghị của Bộ Thông tin "
                "và Truyền thông", "Sở Thông tin và Truyền thông", "", "Năm 2023",
         "Nền tảng được triển khai"),
        ("3.2", "Tham mưu nâng cấp, bổ sung Trung tâm tích hợp dữ liệu của tỉnh bảo đảm kết nối "
                "với hệ thống điện toán đám mây của Chính phủ", "Sở Thông tin và Truyền thông",
         "Sở Tài chính", "Quý II/2023", "Đề xuất nâng cấp"),
        ("3.3", "Tăng cường triển khai cáp quang bảo đảm chất lượng dịch vụ đến từng hộ gia "
                "đình", "Các doanh nghiệp viễn thông", "", "Thường xuyên",
         "Hộ gia đình có cáp quang"),
        ("3.4", "Tạo điều kiện về cơ sở hạ tầng (địa điểm, điện lưới…) để doanh nghiệp viễn "
                "thông phủ sóng các vùng lõm", _DISTRICTS, "Các doanh nghiệp viễn thông",
         "Năm 2023", "Vùng lõm được phủ sóng"),
    ]),
]  # fmt: skip
DAK_NONG_HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian",
                   "Kết quả"]  # fmt: skip

# ------------------------------------------------ UBND TP. Hồ Chí Minh, 1576/KH-UBND

HCM_HEADER = (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "-------"],
              ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
               "---------------"])  # fmt: skip
HCM_BASES = [
    "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện "
    "cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, Ủy ban nhân dân "
    "thành phố ban hành Kế hoạch triển khai như sau:",
]
HCM_PURPOSE = ("Đánh giá hài lòng về giải quyết thủ tục hành chính một cách khách quan, khoa "
               "học, thống nhất trên toàn thành phố.")  # fmt: skip
HCM_REQUIREMENTS = [
    "Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá, đảm bảo phù hợp với quy định tại Nghị "
    "định số 61/2018/NĐ-CP và phù hợp với thực tế tại thành phố.",
    "Xây dựng hệ thống đánh giá hài lòng về giải quyết thủ tục hành chính và triển khai hệ "
    "thống đánh giá đến các sở, ban, ngành, Ủy ban nhân dân quận, huyện, xã, phường, thị trấn.",
    "Tiết kiệm thời gian, nguồn lực trong triển khai công tác đánh giá hài lòng tại các cơ "
    "quan, đơn vị.",
    "Xác định trách nhiệm của thủ trưởng các cơ quan, đơn vị trong thực hiện đánh giá việc giải "
    "quyết thủ tục hành chính, công khai kết quả đánh giá.",
]
HCM_PRINCIPLES = [
    "Sở, ban, ngành, Ủy ban nhân dân quận-huyện, xã, phường, thị trấn thực hiện đúng yêu cầu, "
    "tiến độ tại Kế hoạch.",
    "Việc thực hiện đánh giá giải quyết thủ tục hành chính phải bảo đảm nguyên tắc thống nhất, "
    "đồng bộ trong toàn hệ thống và tránh chồng chéo, lãng phí trong đầu tư.",
]
HCM_TABLE_HEADER = ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp",
                    "Thời hạn hoàn thành", "Kết quả"]  # fmt: skip
HCM_TABLE: list[Group] = [
    ("1", "Xây dựng tiêu chí và hệ thống đánh giá", [
        ("1.1", "Ban hành bộ tiêu chí và mẫu phiếu đánh giá hài lòng", "Văn phòng UBND thành phố",
         "Sở Nội vụ", "Tháng 5/2019", "Quyết định của UBND thành phố"),
        ("1.2", "Xây dựng hệ thống đánh giá hài lòng trên môi trường mạng",
         "Sở Thông tin và Truyền thông", "Văn phòng UBND thành phố", "Tháng 8/2019",
         "Hệ thống được vận hành"),
        ("1.3", "Kết nối hệ thống đánh giá với Cổng Dịch vụ công thành phố",
         "Sở Thông tin và Truyền thông", "", "Quý III/2019", "Hệ thống được kết nối"),
    ]),
    ("2", "Triển khai đánh giá", [
        ("2.1", "Tập huấn sử dụng hệ thống cho cán bộ bộ phận một cửa", "Văn phòng UBND thành phố",
         "Sở Thông tin và Truyền thông", "Tháng 9/2019", "Lớp tập huấn được tổ chức"),
        ("2.2", "Bố trí thiết bị đánh giá tại bộ phận một cửa các cấp",
         "Ủy ban nhân dân quận, huyện", "Sở Tài chính", "Quý IV/2019", "Thiết bị được lắp đặt"),
        ("2.3", "Công khai kết quả đánh giá trên Cổng thông tin điện tử thành phố",
         "Văn phòng UBND thành phố", "", "Hằng tháng", "Kết quả được công khai"),
    ]),
    ("3", "Kiểm tra, sơ kết", [
        ("3.1", "Kiểm tra việc thực hiện đánh giá tại các sở, ban, ngành, quận, huyện",
         "Văn phòng UBND thành phố", "Sở Nội vụ; Sở Thông tin và Truyền thông", "Quý IV/2019",
         "Báo cáo kiểm tra"),
        ("3.2", "Sơ kết một năm thực hiện đánh giá hài lòng", "Văn phòng UBND thành phố",
         "Các sở, ban, ngành", "Trước ngày 15/12/2019", "Báo cáo sơ kết"),
    ]),
]  # fmt: skip
HCM_DUTIES = [
    ("Văn phòng Ủy ban nhân dân thành phố", [
        "Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân "
        "thành phố.",
    ]),
    ("Sở Thông tin và Truyền thông", [
        "Bảo đảm hạ tầng kỹ thuật, an toàn thông tin cho hệ thống đánh giá.",
    ]),
]  # fmt: skip
HCM_SIGNATURE = (
    ["Nơi nhận:", "- Văn phòng Chính phủ;", "- TTUB: CT, các PCT;", "- Các sở, ban, ngành;",
     "- UBND các quận, huyện;", "- Lưu: VT, (KSTT)."],
    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Trần Văn Hùng"],
)  # fmt: skip

# ------------------------------------------------ UBND tỉnh Tuyên Quang, 87/KH-UBND

TUYEN_QUANG_HEADER = (["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "-------"],
                      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                       "---------------"])  # fmt: skip
TUYEN_QUANG_BASES = [
    "Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ về ban hành Chương trình "
    "tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020; Chỉ thị số 07/CT-TTg ngày "
    "22/5/2013 về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước "
    "giai đoạn 2011 - 2020;",
    "Căn cứ Kế hoạch số 18/KH-UBND ngày 29/3/2012 của Ủy ban nhân dân tỉnh về kế hoạch cải cách "
    "hành chính tỉnh Tuyên Quang giai đoạn 2011 - 2015,",
    "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính tỉnh Tuyên Quang năm 2014, cụ "
    "thể như sau:",
]
TUYEN_QUANG_GOALS = [
    "Tiếp tục đẩy mạnh thực hiện có hiệu quả các nội dung công tác cải cách hành chính theo "
    "Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ.",
    "Tập trung đào tạo, bồi dưỡng, phát triển nguồn nhân lực, đảm bảo đội ngũ cán bộ, công "
    "chức, viên chức có đủ năng lực, trình độ và chuyên nghiệp nhằm phục vụ cho sự phát triển "
    "của tỉnh. Xác định cơ cấu công chức theo vị trí việc làm theo ngạch của các cơ quan chuyên "
    "môn cấp tỉnh, cấp huyện.",
    "Thủ tục hành chính (TTHC) được cải cách, đơn giản hóa.",
]
#: Part II, first item: Heading 3 tasks with their field lines (as LAI_CHAU_TASKS).
TUYEN_QUANG_TASKS = [
    ("Cải cách thể chế", [
        ("Xây dựng, ban hành văn bản quy phạm pháp luật của tỉnh năm 2014", "Sở Tư pháp",
         "Các sở, ban, ngành", "Năm 2014"),
        ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", "Sở Tư pháp",
         "", "Quý II/2014"),
        ("Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các huyện, thành phố",
         "Sở Tư pháp", "UBND các huyện, thành phố", "Quý III/2014"),
    ]),
]  # fmt: skip
#: Part II, second item: its task table, groups merged across the table, STT numbered by
#: Writer.
TUYEN_QUANG_TABLE: list[Group] = [
    ("I", "Rà soát, đơn giản hóa thủ tục hành chính", [
        ("", "Rà soát các thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh",
         "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Quý I/2014", "Báo cáo rà soát"),
        ("", "Công bố bộ thủ tục hành chính cấp huyện, cấp xã", "Văn phòng UBND tỉnh",
         "UBND các huyện, thành phố", "Tháng 6/2014", "Quyết định công bố"),
        ("", "Thực hiện cơ chế một cửa liên thông tại các cơ quan chuyên môn cấp tỉnh",
         "Sở Nội vụ", "Các sở, ban, ngành", "Năm 2014", "Bộ phận một cửa"),
    ]),
    ("II", "Công khai thủ tục hành chính", [
        ("", "Niêm yết công khai thủ tục hành chính tại trụ sở cơ quan giải quyết",
         "Các sở, ban, ngành", "UBND các huyện, thành phố", "Thường xuyên",
         "Thủ tục được niêm yết"),
        ("", "Đăng tải thủ tục hành chính trên Cổng thông tin điện tử tỉnh",
         "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh", "Quý II/2014",
         "Thủ tục được đăng tải"),
    ]),
]  # fmt: skip
TUYEN_QUANG_DUTIES = [
    ("Sở Nội vụ", [
        "Hướng dẫn, theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo "
        "cáo Ủy ban nhân dân tỉnh.",
    ]),
    ("Các sở, ban, ngành; UBND các huyện, thành phố", [
        "Xây dựng kế hoạch cải cách hành chính năm 2014 của cơ quan, đơn vị.",
    ]),
]  # fmt: skip
TUYEN_QUANG_SIGNATURE = (
    ["Nơi nhận:", "- Bộ Nội vụ (b/c);", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;",
     "- UBND các huyện, thành phố;", "- Lưu: VT, NC."],
    ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Hoàng Văn Thành"],
)  # fmt: skip
