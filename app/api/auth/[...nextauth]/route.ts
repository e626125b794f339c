import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// Options are built per request so that the secret is read from the validated environment.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
