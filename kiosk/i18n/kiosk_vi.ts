<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>Đang kết nối với máy chủ. Xin vui lòng đợi một chút.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>Chạm vào ngôn ngữ của bạn.</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>Bạn có lịch hẹn không?</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>Có, tôi có lịch hẹn</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>Không, tôi không có lịch hẹn</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>Nhập số lịch hẹn của bạn.</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>Hoặc giữ thư của bạn dưới máy quét.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>Bạn đến đây vì việc gì? Chạm vào một mục.</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>Hôm nay đã hết số.</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>Xin vui lòng chuẩn bị sẵn các giấy tờ này.</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>Bạn không cần giấy tờ.</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>In số</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>Xin vui lòng đợi một chút.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Số của bạn</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>Xin vui lòng giữ phiếu của bạn.</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>Phiếu của bạn đang được in.</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>Thời gian chờ: khoảng {0} phút.</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>Hãy xem màn hình. Chúng tôi sẽ gọi số của bạn.</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>Lịch hẹn của bạn: {0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>Xin vui lòng ghi lại số của bạn.</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>Máy in không hoạt động. Xin vui lòng báo cho quầy tiếp tân.</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>Xin vui lòng đến quầy tiếp tân.</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>Máy này hiện không hoạt động.</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>Số không có lịch hẹn</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>Nhập lại số</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Về trang đầu</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Đọc to</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Chữ lớn hơn</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Chữ bình thường</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>Bạn đến quá sớm. Xin vui lòng quay lại ngay trước giờ hẹn.</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>Bạn đã trễ giờ hẹn. Xin vui lòng đến quầy tiếp tân.</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>Chúng tôi không tìm thấy lịch hẹn này. Kiểm tra lại số hoặc đến quầy tiếp tân.</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>Bạn đã đăng ký rồi. Xin vui lòng chờ số của bạn.</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>Lịch hẹn của bạn vào ngày khác. Xin vui lòng đến vào ngày đó.</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>Hôm nay đã hết số cho việc này. Xin vui lòng đến quầy tiếp tân.</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>Hôm nay việc của bạn không được giải quyết ở đây. Xin vui lòng hỏi tại quầy tiếp tân. Họ sẽ sẵn lòng giúp bạn.</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>Không thành công. Xin vui lòng đến quầy tiếp tân.</translation>
    </message>
</context>
</TS>
