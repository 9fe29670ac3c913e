import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Table, Typography } from "antd";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";

type FailedJob = components["schemas"]["FailedJob"];

/**
 * 任务与投递: deliveries to outside systems and messages that failed after every retry. Nothing is lost: each waits
 * here until the administrator sends it again (once the other side is back).
 */
export function JobsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const failed = useQuery({ queryKey: ["jobs", "failed"], queryFn: () => call(api.GET("/api/admin/jobs/failed")) });

  async function retry(job: FailedJob) {
    try {
      await call(api.POST("/api/admin/jobs/failed/{id}/retry", { params: { path: { id: job.id } } }));
      void message.success("已重新投递");
      await queryClient.invalidateQueries({ queryKey: ["jobs", "failed"] });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "重新投递失败");
    }
  }

  return (
    <div>
      <Typography.Title level={2}>任务与投递</Typography.Title>
      <Typography.Paragraph type="secondary">
        {"向外部系统（省一体化平台、信用共享平台）的投递和短信等任务，失败后会按递增间隔自动重试；" +
          "重试用尽仍失败的列在这里，对方恢复后可重新投递。"}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        loading={failed.isLoading}
        dataSource={failed.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "没有失败的任务" }}
        columns={[
          {
            title: "任务与失败原因",
            dataIndex: "queue",
            render: (queue: string, job: FailedJob) => (
              <>
                <Typography.Text code>{queue}</Typography.Text>
                <div>{job.error}</div>
              </>
            ),
          },
          {
            title: "最后失败",
            dataIndex: "failedAt",
            render: (at: string | null) => (at ? new Date(at).toLocaleString("zh-CN") : "—"),
          },
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, job: FailedJob) => (
              <Button size="small" onClick={() => void retry(job)}>
                重新投递
              </Button>
            ),
          },
          { title: "尝试次数", dataIndex: "attempts" },
          { title: "创建时间", dataIndex: "createdAt", render: (at: string) => new Date(at).toLocaleString("zh-CN") },
          {
            title: "内容",
            dataIndex: "data",
            render: (data: string) => (
              <Typography.Text code ellipsis={{ tooltip: data }} style={{ maxWidth: 240 }}>
                {data}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
