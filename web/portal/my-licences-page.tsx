import { FilePdfOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, List, Space, Table, Tabs, Typography } from "antd";
import { Link } from "react-router";
import { api, call } from "../api/client";
import { formatTime } from "../components/case-parts";
import { expiryText, LicenceStatusTag } from "../components/licence-parts";

/** 我的证照: the e-licences issued to the signed-in applicant, and where they were used in place of materials. */
export function MyLicencesPage() {
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>我的证照</Typography.Title>
      <Typography.Paragraph type="secondary">
        办结的证明、许可和备案结果都以电子证照签发在这里，与纸质证照具有同等效力。申请其他事项时，可经您同意出示电子证照代替相应材料，每次使用都记入“用证记录”。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: "licences", label: "我的证照", children: <Wallet /> },
          { key: "uses", label: "用证记录", children: <Uses /> },
        ]}
      />
    </div>
  );
}

function Wallet() {
  const licences = useQuery({ queryKey: ["my-licences"], queryFn: () => call(api.GET("/api/my/licences")) });
  return (
    <Card>
      {licences.error && <Alert type="error" showIcon className="block" message={licences.error.message} />}
      <List
        loading={licences.isPending}
        dataSource={licences.data ?? []}
        locale={{
          emptyText: (
            <Empty description="您还没有电子证照。办结的证明和许可会自动签发到这里，可先在“自助办理”开具在读证明等。" />
          ),
        }}
        renderItem={(l) => (
          <List.Item
            className="licence-item"
            actions={[
              <Button
                key="file"
                icon={<FilePdfOutlined />}
                href={`/api/my/licences/${l.id}/file`}
                target="_blank"
                rel="noreferrer"
                aria-label={`查看/下载 ${l.type} PDF`}
              >
                查看/下载
              </Button>,
              <Link key="verify" to={`/verify/${l.code.replace(/-/g, "")}`}>
                核验
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{l.type}</span>
                  <LicenceStatusTag status={l.status} />
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <span>
                    证照编号 {l.number} · {l.issuer}
                  </span>
                  <span>
                    签发日期 {l.issuedOn} · 有效期至 {expiryText(l.expiresOn)}
                  </span>
                  <span>
                    核验码 <span className="licence-code">{l.code}</span> · 用证 {l.uses} 次
                    {l.caseId && (
                      <>
                        {" · "}
                        <Link to={`/me/cases/${l.caseId}`}>来源办件</Link>
                      </>
                    )}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Uses() {
  const uses = useQuery({ queryKey: ["my-licence-uses"], queryFn: () => call(api.GET("/api/my/licence-uses")) });
  return (
    <Card>
      {uses.error && <Alert type="error" showIcon className="block" message={uses.error.message} />}
      <Typography.Paragraph type="secondary">
        每一次经您同意、以电子证照代替申请材料的使用，都记录在这里。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={uses.isPending}
        dataSource={uses.data ?? []}
        locale={{ emptyText: "暂无用证记录" }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        columns={[
          { title: "用证时间", dataIndex: "consentedAt", width: 170, render: (t: string) => formatTime(t) },
          {
            title: "证照",
            key: "licence",
            render: (_: unknown, u) => `${u.licenceType}（${u.licenceNumber}）`,
          },
          {
            title: "办件编号",
            dataIndex: "caseNumber",
            width: 190,
            render: (n: string | null, u) => <Link to={`/me/cases/${u.caseId}`}>{n ?? "草稿"}</Link>,
          },
          { title: "事项", dataIndex: "itemName" },
          { title: "办理单位", dataIndex: "orgName" },
          { title: "代替材料", dataIndex: "materialName" },
        ]}
      />
    </Card>
  );
}
