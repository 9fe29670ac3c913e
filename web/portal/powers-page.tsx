import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { useParams } from "react-router";
import { POWER_KIND_LABELS, type PowerKind } from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { useOrgs } from "../components/org-tree";

type Power = components["schemas"]["Power"];

/** 权责清单: an org's published powers — what it may do, and nothing beyond it (清单之外无权力). */
export function PowersPage() {
  const { id = "" } = useParams();
  const org = useOrgs().data?.find((o) => o.id === id);
  const powers = useQuery({
    queryKey: ["public-powers", id],
    queryFn: () => call(api.GET("/api/orgs/{id}/powers", { params: { path: { id } } })),
  });
  const published = (powers.data ?? []).filter((p) => p.status === "published");
  return (
    <div className="narrow-page wide">
      <Typography.Title level={2}>{org?.name ?? ""}权责清单</Typography.Title>
      <Typography.Paragraph type="secondary">
        清单之外无权力：本单位办理的每一项服务事项、每一次执法行为，都须对应以下权力事项之一。
      </Typography.Paragraph>
      <Card>
        <Table<Power>
          rowKey="id"
          size="small"
          loading={powers.isPending}
          dataSource={published}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: "本单位尚未发布权责清单" }}
          expandable={{
            expandedRowRender: (p) => (
              <div className="pre">
                <strong>设定依据：</strong>
                {p.basis}
                {"\n"}
                <strong>责任事项：</strong>
                {p.responsibility}
              </div>
            ),
          }}
          columns={[
            { title: "编码", dataIndex: "code", width: 110 },
            { title: "权力名称", dataIndex: "name" },
            { title: "权力类型", dataIndex: "kind", width: 130, render: (k: PowerKind) => POWER_KIND_LABELS[k] },
            { title: "版本", dataIndex: "versionNo", width: 80, render: (n: number) => `第 ${n} 版` },
          ]}
        />
      </Card>
    </div>
  );
}
