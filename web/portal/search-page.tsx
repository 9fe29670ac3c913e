import { useQuery } from "@tanstack/react-query";
import { Card, Input, Pagination, Select, Space, TreeSelect, Typography } from "antd";
import { useSearchParams } from "react-router";
import { AUDIENCE_LABELS, AUDIENCES, ITEM_KIND_LABELS, ITEM_KINDS, TOPICS } from "../../common/vocabulary";
import { api, call } from "../api/client";
import { ItemList } from "../components/item-list";
import { orgSubtree, useOrgs } from "../components/org-tree";

/** 服务搜索: the search box and filters; every choice lives in the address, so a result can be shared or bookmarked. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get("q") ?? undefined,
    topic: (params.get("topic") as (typeof TOPICS)[number] | null) ?? undefined,
    audience: (params.get("audience") as (typeof AUDIENCES)[number] | null) ?? undefined,
    kind: (params.get("kind") as (typeof ITEM_KINDS)[number] | null) ?? undefined,
    selfService: (params.get("selfService") as "true" | null) ?? undefined,
    orgId: params.get("orgId") ?? undefined,
    page: Number(params.get("page") ?? 1),
    pageSize: 20,
  };
  const orgs = useOrgs().data ?? [];
  const orgTree = orgSubtree(orgs, orgs.find((o) => o.parentId === null)?.id);
  const result = useQuery({
    queryKey: ["catalog", query],
    queryFn: () => call(api.GET("/api/catalog/items", { params: { query } })),
  });

  function update(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>找服务</Typography.Title>
      <Card className="block">
        <Input.Search
          size="large"
          defaultValue={query.q}
          placeholder="说说您要办什么事，如：开在读证明、教师资格证丢了"
          enterButton="搜索"
          allowClear
          aria-label="搜索服务事项"
          onSearch={(q) => update("q", q.trim() || undefined)}
        />
        <Space wrap className="block-top">
          <Select
            allowClear
            placeholder="全部主题"
            aria-label="按主题筛选"
            style={{ minWidth: 130 }}
            value={query.topic}
            options={TOPICS.map((t) => ({ value: t, label: t }))}
            onChange={(v) => update("topic", v)}
          />
          <Select
            allowClear
            placeholder="全部对象"
            aria-label="按服务对象筛选"
            style={{ minWidth: 120 }}
            value={query.audience}
            options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
            onChange={(v) => update("audience", v)}
          />
          <Select
            allowClear
            placeholder="全部类型"
            aria-label="按事项类型筛选"
            style={{ minWidth: 140 }}
            value={query.kind}
            options={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))}
            onChange={(v) => update("kind", v)}
          />
          <TreeSelect
            allowClear
            showSearch
            placeholder="全部单位"
            aria-label="按单位筛选"
            style={{ minWidth: 200 }}
            value={query.orgId}
            treeData={orgTree}
            treeNodeFilterProp="title"
            onChange={(v) => update("orgId", v)}
          />
          <Select
            allowClear
            placeholder="办理方式"
            aria-label="按办理方式筛选"
            style={{ minWidth: 130 }}
            value={query.selfService}
            options={[{ value: "true", label: "可自助办理" }]}
            onChange={(v) => update("selfService", v)}
          />
        </Space>
      </Card>
      <Card title={result.data ? `共找到 ${result.data.total} 项服务` : "搜索结果"}>
        <ItemList
          items={result.data?.items}
          loading={result.isPending}
          empty={query.q ? `没有找到与“${query.q}”相关的服务，换个说法试试，或拨打咨询电话。` : "没有符合条件的服务"}
        />
        {result.data && result.data.total > result.data.pageSize && (
          <Pagination
            className="block-top"
            current={query.page}
            pageSize={20}
            total={result.data.total}
            showSizeChanger={false}
            onChange={(page) => update("page", String(page))}
          />
        )}
      </Card>
    </div>
  );
}
