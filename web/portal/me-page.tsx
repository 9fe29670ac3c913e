import { Button, Card, Descriptions, Typography } from "antd";
import { Link } from "react-router";
import { useSession } from "../components/session";

/** 个人中心: who the applicant is (numbers masked) and, once cases exist, their cases. */
export function MePage() {
  const user = useSession().data?.user;
  if (!user) return null;
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>个人中心</Typography.Title>
      <Card title="实名信息" className="block">
        <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
          <Descriptions.Item label={user.kind === "legal_person" ? "单位名称" : "姓名"}>{user.name}</Descriptions.Item>
          <Descriptions.Item label="类型">
            {user.kind === "person" ? "个人" : user.kind === "legal_person" ? "法人" : "工作人员"}
          </Descriptions.Item>
          <Descriptions.Item label="手机号">{user.phone ?? "—"}</Descriptions.Item>
          {user.kind === "legal_person" ? (
            <Descriptions.Item label="统一社会信用代码">{user.creditCode}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="身份证号">{user.idNumber ?? "—"}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="我的办件" className="block">
        <Typography.Paragraph>办理进度、补正通知和办理结果都在“我的办件”中。</Typography.Paragraph>
        <Link to="/me/cases">
          <Button type="primary">查看我的办件</Button>
        </Link>
      </Card>
    </div>
  );
}
