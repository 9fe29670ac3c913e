import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../api/client";
import type { components } from "../api/schema";

export type SessionUser = components["schemas"]["SessionUser"];

export const FACE_HOME: Record<SessionUser["face"], string> = {
  portal: "/me",
  workbench: "/workbench",
  admin: "/admin",
};

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: () => call(api.GET("/api/auth/session")),
    staleTime: 30_000,
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/auth/sign-out")),
    onSettled: () => client.resetQueries(),
  });
}
