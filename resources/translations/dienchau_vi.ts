<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="114" />
        <source>Add &amp;section</source>
        <translation>Thêm &amp;mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="117" />
        <source>Add &amp;task</source>
        <translation>Thêm &amp;nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="120" />
        <source>Add s&amp;ub-item</source>
        <translation>Thêm mục &amp;con</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="124" />
        <source>&amp;Delete…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="128" />
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="131" />
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="134" />
        <source>&amp;Indent</source>
        <translation>Lùi &amp;vào</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="137" />
        <source>&amp;Outdent</source>
        <translation>Lùi &amp;ra</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="140" />
        <source>&amp;Rename in place</source>
        <translation>Sửa &amp;tiêu đề tại chỗ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="142" />
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="143" />
        <source>&amp;Clear filter</source>
        <translation>Bỏ &amp;lọc</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="144" />
        <source>Go to the &amp;form</source>
        <translation>Đến &amp;biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="145" />
        <source>&amp;Expand all</source>
        <translation>&amp;Mở rộng tất cả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="146" />
        <source>C&amp;ollapse all</source>
        <translation>&amp;Thu gọn tất cả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="147" />
        <source>&amp;Units…</source>
        <translation>&amp;Đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="148" />
        <source>Plan &amp;properties…</source>
        <translation>&amp;Thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="149" />
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="150" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="151" />
        <source>&amp;About…</source>
        <translation>&amp;Giới thiệu…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="154" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="170" />
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="158" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="175" />
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="170" />
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="175" />
        <source>&amp;Redo: %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="180" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="185" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="196" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="200" />
        <source>&amp;Plan</source>
        <translation>&amp;Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="203" />
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="204" />
        <source>Excel and PDF reports come in a later version</source>
        <translation>Báo cáo Excel và PDF sẽ có ở phiên bản sau</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="207" />
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="211" />
        <source>Main toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="221" />
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="244" />
        <source>Search (diacritics optional)… Ctrl+F</source>
        <translation>Tìm (gõ có dấu hay không dấu đều được)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="254" />
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="255" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="256" />
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="257" />
        <source>Within time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="258" />
        <source>Recurring</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="259" />
        <source>No deadline</source>
        <translation>Chưa có hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="262" />
        <source>Due within</source>
        <translation>Đến hạn trong</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="266" />
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="267" />
        <source>Breakthrough only</source>
        <translation>Chỉ nhiệm vụ đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="316" />
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="419" />
        <source>All lead units</source>
        <translation>Mọi cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="446" />
        <source>%1 tasks</source>
        <translation>%1 nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="469" />
        <source>No backup yet</source>
        <translation>Chưa có bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="473" />
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="477" />
        <source>Plan tracker — %1</source>
        <translation>Theo dõi kế hoạch — %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="557" />
        <source>Change title</source>
        <translation>Đổi tiêu đề</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="570" />
        <source>New section</source>
        <translation>Mục mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="570" />
        <source>Add section</source>
        <translation>Thêm mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="577" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="579" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="581" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="588" />
        <source>New task</source>
        <translation>Nhiệm vụ mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="577" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="579" />
        <location filename="../../dienchau_desktop/ui/main_window.py" line="582" />
        <source>Add task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="588" />
        <source>Add sub-item</source>
        <translation>Thêm mục con</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="611" />
        <source>Delete «%1»?</source>
        <translation>Xóa «%1»?</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="613" />
        <source>The %1 items under it will be deleted too.</source>
        <translation>%1 mục bên dưới cũng sẽ bị xóa.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="616" />
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="618" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="629" />
        <source>Delete item</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="640" />
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="643" />
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="646" />
        <source>Indent</source>
        <translation>Lùi vào</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="649" />
        <source>Outdent</source>
        <translation>Lùi ra</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="657" />
        <source>Move item</source>
        <translation>Di chuyển mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="681" />
        <source>%1 found</source>
        <translation>Tìm thấy %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="710" />
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="730" />
        <source>Change plan properties</source>
        <translation>Đổi thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="740" />
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/main_window.py" line="742" />
        <source>&lt;b&gt;Plan tracker&lt;/b&gt; %1&lt;br&gt;Tracks the plans of the commune People's Committee, their tasks and progress.&lt;br&gt;&lt;br&gt;Data file:&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Theo dõi kế hoạch&lt;/b&gt; %1&lt;br&gt;Theo dõi các kế hoạch của UBND xã, nhiệm vụ và tiến độ thực hiện.&lt;br&gt;&lt;br&gt;Tệp dữ liệu:&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="31" />
        <source>Plan properties</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="42" />
        <source>dd/mm/yyyy, or empty</source>
        <translation>dd/mm/yyyy, hoặc để trống</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="46" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="61" />
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="62" />
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="63" />
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="64" />
        <source>Title (subject)</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="65" />
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="66" />
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="67" />
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="68" />
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="95" />
        <source>Issue date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="69" />
        <source>Date as printed</source>
        <translation>Ngày tháng như in trên văn bản</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="70" />
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="71" />
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="72" />
        <source>Signer's title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="73" />
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="74" />
        <source>Legal bases (one per line)</source>
        <translation>Căn cứ (mỗi dòng một căn cứ)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="75" />
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/plan_dialog.py" line="118" />
        <source>The title cannot be empty.</source>
        <translation>Trích yếu không được để trống.</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="229" />
        <source>No.</source>
        <extracomment>An edit typed in the view: item id, field name, new value. A drop: item id, new parent id (or None), new position.</extracomment>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="230" />
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="231" />
        <source>Lead unit</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="232" />
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="233" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="234" />
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="288" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="289" />
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="290" />
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="291" />
        <source>Within time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="292" />
        <source>Recurring</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="293" />
        <source>No deadline</source>
        <translation>Chưa có hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="299" />
        <source>Lead unit: %1</source>
        <translation>Chủ trì: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="302" />
        <source>Coordinating: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/tree_model.py" line="305" />
        <source>Due: %1</source>
        <translation>Hạn: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="22" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="27" />
        <source>A new language is used the next time the program starts.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/settings_dialog.py" line="30" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="83" />
        <location filename="../../dienchau_desktop/ui/task_form.py" line="250" />
        <source>Section</source>
        <extracomment>item id, new values, old values, undo text.</extracomment>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="84" />
        <location filename="../../dienchau_desktop/ui/task_form.py" line="251" />
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="85" />
        <location filename="../../dienchau_desktop/ui/task_form.py" line="252" />
        <source>Paragraph of text</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="89" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="95" />
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="101" />
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="109" />
        <source>Lead unit</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="115" />
        <source>Type to find a unit…</source>
        <translation>Gõ để tìm đơn vị…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="123" />
        <source>Coordinating units</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="134" />
        <source>Responsible person</source>
        <translation>Người chịu trách nhiệm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="137" />
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="139" />
        <location filename="../../dienchau_desktop/ui/task_form.py" line="362" />
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="145" />
        <source>e.g. Quý IV/2026, 30/11/2026, Thường xuyên</source>
        <translation>VD: Quý IV/2026, 30/11/2026, Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="152" />
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="160" />
        <source>Expected product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="166" />
        <source>target, e.g. 100</source>
        <translation>chỉ tiêu, VD: 100</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="171" />
        <source>unit, e.g. % schools</source>
        <translation>đơn vị tính, VD: % trường học</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="177" />
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="183" />
        <source>Indicator description</source>
        <translation>Mô tả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="185" />
        <source>Breakthrough task</source>
        <translation>Nhiệm vụ đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="193" />
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="199" />
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="244" />
        <source>Select an item in the tree to see its details.</source>
        <translation>Chọn một mục trong cây để xem chi tiết.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="280" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="312" />
        <source>not understood</source>
        <translation>không hiểu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="319" />
        <source>recurring, no fixed date</source>
        <translation>thường xuyên, không có ngày cụ thể</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="321" />
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="332" />
        <source>No unit has that name; choose one from the list.</source>
        <translation>Không có đơn vị tên này; hãy chọn trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="342" />
        <source>Change kind</source>
        <translation>Đổi loại mục</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="343" />
        <source>Change title</source>
        <translation>Đổi tiêu đề</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="344" />
        <source>Change description</source>
        <translation>Đổi mô tả</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="345" />
        <source>Change lead unit</source>
        <translation>Đổi cơ quan chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="346" />
        <source>Change coordinating units</source>
        <translation>Đổi cơ quan phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="347" />
        <source>Change responsible person</source>
        <translation>Đổi người chịu trách nhiệm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="348" />
        <source>Change start date</source>
        <translation>Đổi ngày bắt đầu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="349" />
        <source>Change deadline</source>
        <translation>Đổi hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="350" />
        <source>Change expected product</source>
        <translation>Đổi sản phẩm</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="351" />
        <source>Change indicator target</source>
        <translation>Đổi chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="352" />
        <source>Change indicator unit</source>
        <translation>Đổi đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="353" />
        <source>Change indicator description</source>
        <translation>Đổi mô tả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="354" />
        <source>Change breakthrough flag</source>
        <translation>Đổi đánh dấu đột phá</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="355" />
        <source>Change funding source</source>
        <translation>Đổi nguồn kinh phí</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/task_form.py" line="356" />
        <source>Change notes</source>
        <translation>Đổi ghi chú</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="40" />
        <source>New unit</source>
        <translation>Đơn vị mới</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="40" />
        <source>Edit unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="51" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="52" />
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="53" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="54" />
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="55" />
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="88" />
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="176" />
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="217" />
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="91" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="91" />
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="91" />
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="92" />
        <source>Leads</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="92" />
        <source>Coordinates</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="102" />
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="103" />
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="104" />
        <source>&amp;Merge into…</source>
        <translation>&amp;Gộp vào…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="105" />
        <source>&amp;Remove…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="168" />
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="227" />
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="176" />
        <source>There is no other unit.</source>
        <translation>Không có đơn vị nào khác.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="179" />
        <source>Choose a unit</source>
        <translation>Chọn đơn vị</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="188" />
        <source>Give every task of «%1» to:</source>
        <translation>Chuyển mọi nhiệm vụ của «%1» cho:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="192" />
        <source>Merge «%1» into «%2»? «%1» will be removed.</source>
        <translation>Gộp «%1» vào «%2»? «%1» sẽ bị xóa.</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="204" />
        <source>«%1» leads %2 and coordinates %3 tasks. Give them to:</source>
        <translation>«%1» đang chủ trì %2 và phối hợp %3 nhiệm vụ. Chuyển các nhiệm vụ đó cho:</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/ui/units_dialog.py" line="212" />
        <source>Remove «%1»?</source>
        <translation>Xóa «%1»?</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="29" />
        <source>Plan tracker</source>
        <translation>Theo dõi kế hoạch</translation>
    </message>
    <message>
        <location filename="../../dienchau_desktop/app.py" line="47" />
        <source>Cannot open the data file</source>
        <translation>Không mở được tệp dữ liệu</translation>
    </message>
</context>
</TS>