import { useQuery } from "@tanstack/react-query";
import { Card, Typography } from "antd";
import { api, call } from "../api/client";
import { ItemList } from "../components/item-list";

/** 自助办理事项清单: what anyone can finish alone, online or at a kiosk, at any hour. */
export function SelfServicePage() {
  const list = useQuery({
    queryKey: ["self-service"],
    queryFn: () =>
      call(api.GET("/api/catalog/items", { params: { query: { selfService: "true", pageSize: 100, page: 1 } } })),
  });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>自助办理事项清单</Typography.Title>
      <Typography.Paragraph type="secondary">
        以下事项全程网办、即时办结，可在网上或自助终端 24 小时办理。
      </Typography.Paragraph>
      <Card title={list.data ? `共 ${list.data.total} 项` : "加载中"}>
        <ItemList items={list.data?.items} loading={list.isPending} empty="暂无自助办理事项" />
      </Card>
    </div>
  );
}
