<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh">
<context>
    <name>QtConnectionBanner</name>
    <message>
        <source>Connecting to the server. Please wait a moment.</source>
        <translation>正在连接服务器。请稍等。</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Touch your language.</source>
        <translation>请点击您的语言。</translation>
    </message>
    <message>
        <source>Do you have an appointment?</source>
        <translation>您有预约吗？</translation>
    </message>
    <message>
        <source>Yes, I have an appointment</source>
        <translation>有，我有预约</translation>
    </message>
    <message>
        <source>No, I have no appointment</source>
        <translation>没有，我没有预约</translation>
    </message>
    <message>
        <source>Type your appointment number.</source>
        <translation>请输入您的预约号码。</translation>
    </message>
    <message>
        <source>Or hold your letter under the scanner.</source>
        <translation>或者把您的信放在扫描器下面。</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Why are you here? Touch one.</source>
        <translation>您来办什么事？请点击一项。</translation>
    </message>
    <message>
        <source>No more tickets today.</source>
        <translation>今天没有号码了。</translation>
    </message>
    <message>
        <source>Please have these papers ready.</source>
        <translation>请准备好这些材料。</translation>
    </message>
    <message>
        <source>You need no papers.</source>
        <translation>您不需要任何材料。</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>打印号码</translation>
    </message>
    <message>
        <source>One moment, please.</source>
        <translation>请稍等。</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Please keep your ticket.</source>
        <translation>请保管好您的号码单。</translation>
    </message>
    <message>
        <source>Your ticket is printing.</source>
        <translation>正在打印您的号码单。</translation>
    </message>
    <message>
        <source>Waiting time: about {0} minutes.</source>
        <translation>等候时间：约 {0} 分钟。</translation>
    </message>
    <message>
        <source>Watch the screens. We will call your number.</source>
        <translation>请看屏幕。我们会叫您的号码。</translation>
    </message>
    <message>
        <source>Your appointment: {0}</source>
        <translation>您的预约：{0}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Please write down your number.</source>
        <translation>请记下您的号码。</translation>
    </message>
    <message>
        <source>The printer does not work. Please tell the reception.</source>
        <translation>打印机坏了。请告诉接待处。</translation>
    </message>
    <message>
        <source>Please go to the reception.</source>
        <translation>请去接待处。</translation>
    </message>
    <message>
        <source>This machine is not working right now.</source>
        <translation>这台机器现在不能使用。</translation>
    </message>
    <message>
        <source>Ticket without appointment</source>
        <translation>无预约取号</translation>
    </message>
    <message>
        <source>Type the number again</source>
        <translation>重新输入号码</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>回到开始</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>正常字体</translation>
    </message>
    <message>
        <source>You are too early. Please come back shortly before your appointment.</source>
        <translation>您来得太早了。请在预约时间前不久再来。</translation>
    </message>
    <message>
        <source>You are too late for your appointment. Please go to the reception.</source>
        <translation>您错过了预约时间。请去接待处。</translation>
    </message>
    <message>
        <source>We cannot find this appointment. Check the number or go to the reception.</source>
        <translation>我们找不到这个预约。请检查号码或去接待处。</translation>
    </message>
    <message>
        <source>You are already checked in. Please wait for your number.</source>
        <translation>您已经登记过了。请等候您的号码。</translation>
    </message>
    <message>
        <source>Your appointment is on another day. Please come on that day.</source>
        <translation>您的预约在另一天。请在那天来。</translation>
    </message>
    <message>
        <source>No more tickets for this today. Please go to the reception.</source>
        <translation>今天这项业务没有号码了。请去接待处。</translation>
    </message>
    <message>
        <source>Your concern is not handled here today. Please ask at the reception. They will gladly help you.</source>
        <translation>您的事项今天不在这里办理。请到接待处询问，那里的工作人员会乐意帮助您。</translation>
    </message>
    <message>
        <source>This did not work. Please go to the reception.</source>
        <translation>没有成功。请去接待处。</translation>
    </message>
</context>
</TS>
