import { App, Button, Input, Modal } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../api/client";
import { useSession } from "./session";

/** 我要咨询: a question to an org or about an item, for a signed-in applicant; others are sent to sign in. */
export function AskQuestionButton({
  target,
  title,
}: {
  target: { itemId: string } | { orgId: string };
  title: string;
}) {
  const { message } = App.useApp();
  const user = useSession().data?.user;
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState("");
  if (!user) return <Link to="/sign-in">登录后在线咨询</Link>;
  if (user.kind === "staff") return null;

  async function ask() {
    try {
      const asked = await call(api.POST("/api/consultations", { body: { ...target, question } }));
      void message.success(`已提交，${asked.dueOn} 前答复，答复会以站内消息和短信通知您`);
      setOpen(false);
      setQuestion("");
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "提交失败");
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>我要咨询</Button>
      <Modal
        open={open}
        title={`咨询：${title}`}
        okText="提交"
        cancelText="取消"
        okButtonProps={{ disabled: question.trim().length === 0 }}
        onCancel={() => setOpen(false)}
        onOk={() => void ask()}
      >
        <Input.TextArea
          aria-label="咨询内容"
          rows={5}
          maxLength={1000}
          showCount
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="请写明您想了解的问题；请勿填写身份证号等个人信息"
        />
      </Modal>
    </>
  );
}
