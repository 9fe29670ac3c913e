import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { ElderlyModeProvider, useElderlyMode } from "./elderly-mode";

dayjs.locale("zh-cn");

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2 },
  },
  // A session that timed out anywhere sends the user back to the sign-in page with the reason.
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && error.code === "SESSION_EXPIRED")
        void queryClient.invalidateQueries({ queryKey: ["session"] });
    },
  }),
});

function Themed({ children }: { children: ReactNode }) {
  const { elderly } = useElderlyMode();
  return (
    <ConfigProvider
      locale={zhCN}
      componentSize={elderly ? "large" : "middle"}
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: "#1e5eb8",
          colorLink: "#1e5eb8",
          borderRadius: 6,
          fontSize: elderly ? 20 : 15,
          fontFamily:
            '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ElderlyModeProvider>
        <Themed>{children}</Themed>
      </ElderlyModeProvider>
    </QueryClientProvider>
  );
}
